using GraphGuard.Jobs.Pipeline;
using GraphGuard.Storage.Pipeline;
using Npgsql;

namespace GraphGuard.Jobs.Scheduling;

/// <summary><c>jobs list</c>: each pipeline definition with its next firing from the scheduler's store and its last run.</summary>
public static class ScheduleOverview
{
    /// <param name="Name">The pipeline.</param>
    /// <param name="Cron">Its schedule (UTC).</param>
    /// <param name="Window">Its window as written in the definition; null for all data.</param>
    /// <param name="Train">Its train policy's name.</param>
    /// <param name="Scheduled">Whether a worker has loaded it into the store.</param>
    /// <param name="NextFireTime">The next firing, when scheduled and due again.</param>
    /// <param name="LastRun">Its newest run, if any.</param>
    public sealed record Job(string Name, string Cron, string? Window, string Train, bool Scheduled, DateTime? NextFireTime, LastRun? LastRun);

    /// <param name="RunId">The run.</param>
    /// <param name="Status">Its status.</param>
    /// <param name="CreatedAt">When it was created.</param>
    /// <param name="AgeSeconds">How long ago, when read.</param>
    public sealed record LastRun(long RunId, string Status, DateTime CreatedAt, long AgeSeconds);

    public static async Task<IReadOnlyList<Job>> ReadAsync(
        NpgsqlDataSource dataSource, IReadOnlyList<PipelineDefinition> definitions, SchedulerSettings settings, CancellationToken ct = default)
    {
        var firings = ScheduleSync.NextFirings(settings.OpenStorage());
        var jobs = new List<Job>();
        foreach (var d in definitions)
        {
            var last = await RunHistory.LatestAsync(dataSource, d.Name, ct).ConfigureAwait(false);
            jobs.Add(new Job(d.Name, d.Cron, d.Window is { } w ? PipelineDefinitionFile.FormatDuration(w) : null, PipelineDefinitionFile.TrainPolicyName(d.Train),
                firings.ContainsKey(d.Name), firings.GetValueOrDefault(d.Name),
                last is null ? null : new LastRun(last.RunId, last.Status, last.CreatedAt, (long)(DateTime.UtcNow - last.CreatedAt.ToUniversalTime()).TotalSeconds)));
        }
        return jobs;
    }
}
