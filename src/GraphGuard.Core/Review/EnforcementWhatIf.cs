namespace GraphGuard.Core.Review;

/// <summary>What enforcing every account at or above a threshold would do.</summary>
/// <param name="Threshold">The score at which accounts would be actioned.</param>
/// <param name="Actioned">Accounts of the run at or above it.</param>
/// <param name="Decided">Decided random-slice items at or above it, the estimate's evidence.</param>
/// <param name="Precision">Expected share of the actioned accounts that are abusive (each band weighted by its size); null without evidence.</param>
/// <param name="Lower">95% Wilson interval at the Kish effective sample size, lower end.</param>
/// <param name="Upper">Its upper end.</param>
public sealed record EnforcementWhatIf(double Threshold, long Actioned, int Decided, double? Precision, double Lower, double Upper);
