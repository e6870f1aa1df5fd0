using GraphGuard.Core.Review;

namespace GraphGuard.Storage.Review;

/// <summary>A run's measured precision: per band, and what enforcing at each asked threshold would do.</summary>
public sealed record RunPrecision(long RunId, IReadOnlyList<BandPrecision> Bands, IReadOnlyList<EnforcementWhatIf> WhatIf);
