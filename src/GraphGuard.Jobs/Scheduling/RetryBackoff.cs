using GraphGuard.Jobs.Pipeline;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>When a failed run is tried again: the definition's backoff, doubled for each attempt after the first.</summary>
public static class RetryBackoff
{
    /// <summary>The wait after attempt <paramref name="failedAttempt"/> failed, or null when it was the last one allowed.</summary>
    public static TimeSpan? After(PipelineDefinition definition, int failedAttempt)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (failedAttempt >= definition.MaxAttempts)
        {
            return null;
        }
        // Capped doubling: 2^20 backoffs is already years, and the shift must not overflow.
        return definition.RetryBackoff * (1L << Math.Min(failedAttempt - 1, 20));
    }
}
