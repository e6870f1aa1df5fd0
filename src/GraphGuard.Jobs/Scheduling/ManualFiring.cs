using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>A manual firing (<c>jobs trigger</c>) and, when it was followed, its run as it ended.</summary>
/// <param name="JobId">The Hangfire job that asks the workers for a run.</param>
/// <param name="Run">The run, succeeded or failed for good; null when not followed.</param>
public sealed record ManualFiring(string JobId, RunAttempt? Run)
{
    /// <summary>Followed, and the run did not succeed.</summary>
    public bool Failed => Run is { Status: not "succeeded" };
}
