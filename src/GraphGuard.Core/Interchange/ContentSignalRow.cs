namespace GraphGuard.Core.Interchange;

/// <summary>A valid row of <c>content_signals.csv</c>; an absent model is the empty string.</summary>
public readonly record struct ContentSignalRow(string ContentId, string Signal, double Score, string Model, DateTime? Ts);
