using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace GraphGuard.Jobs.Scheduling;

/// <summary><c>graphguard jobs trigger</c>: a firing of a stored pipeline, queued now for any worker.</summary>
public static class ManualTrigger
{
    /// <summary>Queues a manual firing of <paramref name="pipeline"/> with the definition its recurring job holds; returns the job id.</summary>
    /// <exception cref="ArgumentException">No worker has stored that pipeline.</exception>
    public static string Enqueue(JobStorage storage, string pipeline)
    {
        ArgumentNullException.ThrowIfNull(storage);
        Job? stored;
        using (var connection = storage.GetConnection())
        {
            stored = connection.GetRecurringJobs([pipeline]).FirstOrDefault(j => !j.Removed)?.Job;
        }
        if (stored is null || stored.Args.Count < 2 || stored.Args[1] is not string definition)
        {
            throw new ArgumentException($"no scheduled pipeline '{pipeline}': a worker loads jobs/{pipeline}.json into the store when it starts");
        }
        return new BackgroundJobClient(storage).Enqueue<PipelineJob>(j => j.StartAsync(pipeline, definition, "manual", null, CancellationToken.None));
    }
}
