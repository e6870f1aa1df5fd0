using GraphGuard.Workflows.Pipeline;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Npgsql;

namespace GraphGuard.Jobs.Scheduling;

/// <summary><c>graphguard jobs trigger</c>: a firing of a stored pipeline, queued now for any worker.</summary>
public static class ManualTrigger
{
    /// <summary>How often <c>jobs trigger --wait</c> reads the run it follows.</summary>
    private static readonly TimeSpan FollowPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// <c>jobs trigger</c>: queues a manual firing on the database every command uses and, when <paramref name="follow"/>,
    /// follows the run it creates until it ends (retries included, database outages waited out; see <see cref="RunFollower"/>).
    /// </summary>
    /// <param name="dataSource">The GraphGuard database the workers write the run to.</param>
    /// <param name="pipeline">The pipeline, as a worker stored it.</param>
    /// <param name="follow">Wait for the run's end.</param>
    /// <param name="say">Told each line for the user: the firing, then each new state of the run.</param>
    /// <param name="ct">Stops following (the firing stays queued).</param>
    /// <exception cref="ArgumentException">No worker has stored that pipeline.</exception>
    public static async Task<ManualFiring> FireAsync(NpgsqlDataSource dataSource, string pipeline, bool follow, Action<string> say, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(say);
        var job = Enqueue((await SchedulerSettings.ForDatabaseAsync(ct).ConfigureAwait(false)).OpenStorage(), pipeline);
        say($"asked the workers to run {pipeline} now (job {job})");
        return new ManualFiring(job, follow ? await new RunFollower(dataSource, FollowPoll, say).FollowAsync(job, ct).ConfigureAwait(false) : null);
    }

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
