namespace GraphGuard.Core.Review;

/// <summary>A decided item of a run's random slice: its band, score, inclusion probability and whether the analyst found it abusive.</summary>
public sealed record ReviewOutcome(string Band, double Score, double Inclusion, bool Abusive);
