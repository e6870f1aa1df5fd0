namespace GraphGuard.Core.Review;

/// <summary>A band of the run's policy: its name and the lowest score in it (the first starts at 0).</summary>
public sealed record ReviewBand(string Name, double Minimum);
