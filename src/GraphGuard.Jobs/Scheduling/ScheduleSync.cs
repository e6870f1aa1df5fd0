using GraphGuard.Jobs.Pipeline;
using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// Makes Hangfire's recurring jobs exactly the defined pipelines: one per definition, id = its name, cron in
/// UTC, carrying the definition; a changed one is updated, and one whose file is gone is removed. Unchanged
/// ones are left alone, so their next firing stands. Every worker does this at start, so running it twice changes nothing.
/// </summary>
public static class ScheduleSync
{
    /// <summary>What a sync did, by pipeline name.</summary>
    public sealed record Report(IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Removed);

    public static Report Sync(JobStorage storage, IReadOnlyList<PipelineDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(definitions);
        List<string> added = [], updated = [], unchanged = [], removed = [];
        var manager = new RecurringJobManager(storage);
        Dictionary<string, RecurringJobDto> stored;
        using (var connection = storage.GetConnection())
        {
            stored = connection.GetRecurringJobs().ToDictionary(j => j.Id, StringComparer.Ordinal);
        }
        foreach (var definition in definitions)
        {
            var job = FiringOf(definition);
            if (stored.TryGetValue(definition.Name, out var current) && Same(current, definition, job))
            {
                unchanged.Add(definition.Name);
                continue;
            }
            manager.AddOrUpdate(definition.Name, job, definition.Cron, new RecurringJobOptions
            {
                TimeZone = TimeZoneInfo.Utc,
                MisfireHandling = definition.Misfire == MisfirePolicy.DoNothing ? MisfireHandlingMode.Ignorable : MisfireHandlingMode.Relaxed,
            });
            (current is null ? added : updated).Add(definition.Name);
        }
        var defined = definitions.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var id in stored.Keys.Where(id => !defined.Contains(id)))
        {
            manager.RemoveIfExists(id);
            removed.Add(id);
        }
        return new Report(added, updated, unchanged, removed);
    }

    /// <summary>The job a firing of <paramref name="definition"/> runs.</summary>
    public static Job FiringOf(PipelineDefinition definition, string trigger = "schedule")
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = PipelineDefinitionFile.ToJson(definition);
        return Job.FromExpression<PipelineJob>(j => j.StartAsync(definition.Name, json, trigger, null, CancellationToken.None));
    }

    /// <summary>When each stored pipeline fires next (UTC), by name; a pipeline not stored is absent.</summary>
    public static Dictionary<string, DateTime?> NextFirings(JobStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().ToDictionary(j => j.Id, j => j.NextExecution, StringComparer.Ordinal);
    }

    private static bool Same(RecurringJobDto stored, PipelineDefinition definition, Job job) =>
        stored.Cron == definition.Cron
        && stored.TimeZoneId == TimeZoneInfo.Utc.Id
        && stored.Job is { } storedJob
        && storedJob.Method == job.Method
        && storedJob.Args.SequenceEqual(job.Args);
}
