namespace GraphGuard.Core.Interchange;

/// <summary>A valid row of <c>content_labels.csv</c> (format v1.1): a reviewer's verdict on one post or comment.</summary>
public readonly record struct ContentLabelRow(string ContentId, string Label, string Source, DateTime? Ts);
