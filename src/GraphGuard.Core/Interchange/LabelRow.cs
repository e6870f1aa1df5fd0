namespace GraphGuard.Core.Interchange;

/// <summary>A valid row of <c>labels.csv</c>; <see cref="Label"/> is <c>abusive</c> or <c>benign</c>.</summary>
public readonly record struct LabelRow(string AccountId, string Label, string Source, DateTime? Ts);
