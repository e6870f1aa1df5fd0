using GraphGuard.Jobs.Pipeline;
using Quartz;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// Makes the store hold exactly the defined pipelines: a durable, recoverable job per definition with its
/// UTC cron trigger; a changed cron, misfire policy or parameter replaces them, and a job whose
/// definition is gone is deleted with its triggers. Unchanged ones are left alone, so their next fire
/// time stands. Every worker does this at start, so running it twice changes nothing.
/// </summary>
public static class ScheduleSync
{
    /// <summary>What a sync did, by pipeline name.</summary>
    public sealed record Report(IReadOnlyList<string> Added, IReadOnlyList<string> Updated, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Removed);

    public static async Task<Report> SyncAsync(IScheduler scheduler, IReadOnlyList<PipelineDefinition> definitions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(definitions);
        List<string> added = [], updated = [], unchanged = [], removed = [];
        foreach (var definition in definitions)
        {
            var job = JobOf(definition);
            var trigger = CronTriggerOf(definition);
            var storedJob = await scheduler.GetJobDetail(job.Key, ct).ConfigureAwait(false);
            var storedTrigger = await scheduler.GetTrigger(trigger.Key, ct).ConfigureAwait(false) as ICronTrigger;
            if (storedJob is not null && storedTrigger is not null && Same(storedJob, storedTrigger, job, (ICronTrigger)trigger))
            {
                unchanged.Add(definition.Name);
                continue;
            }
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct).ConfigureAwait(false);
            (storedJob is null ? added : updated).Add(definition.Name);
        }
        var defined = definitions.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(PipelineScheduler.JobGroup), ct).ConfigureAwait(false))
        {
            if (!defined.Contains(key.Name))
            {
                await scheduler.DeleteJob(key, ct).ConfigureAwait(false);
                removed.Add(key.Name);
            }
        }
        return new Report(added, updated, unchanged, removed);
    }

    public static IJobDetail JobOf(PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JobBuilder.Create<PipelineJob>()
            .WithIdentity(PipelineScheduler.JobKeyOf(definition.Name))
            .WithDescription(definition.Description)
            .StoreDurably()
            .RequestRecovery()
            .UsingJobData(PipelineJobData.ForJob(definition))
            .Build();
    }

    public static ITrigger CronTriggerOf(PipelineDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var misfire = definition.Misfire == MisfirePolicy.DoNothing ? CronTriggerMisfireInstruction.DoNothing : CronTriggerMisfireInstruction.FireAndProceed;
        return TriggerBuilder.Create()
            .WithIdentity(PipelineScheduler.CronTriggerOf(definition.Name))
            .ForJob(PipelineScheduler.JobKeyOf(definition.Name))
            .WithCronSchedule(definition.Cron, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(misfire))
            .Build();
    }

    private static bool Same(IJobDetail storedJob, ICronTrigger storedTrigger, IJobDetail job, ICronTrigger trigger) =>
        storedJob.JobDataMap.GetString(PipelineJobData.Definition) == job.JobDataMap.GetString(PipelineJobData.Definition)
        && storedJob.JobType.Type == job.JobType.Type
        && storedTrigger.CronExpressionString == trigger.CronExpressionString
        && storedTrigger.TimeZone.Id == TimeZoneInfo.Utc.Id
        && storedTrigger.MisfireInstruction == trigger.MisfireInstruction;
}
