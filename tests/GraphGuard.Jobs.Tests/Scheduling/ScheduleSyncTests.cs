using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Tests.Shared;
using Quartz;

namespace GraphGuard.Jobs.Tests.Scheduling;

/// <summary>What a worker does to the store at start: add, keep, replace and remove pipeline jobs; and the retry backoff.</summary>
public sealed class ScheduleSyncTests
{
    private static readonly PipelineDefinition Daily = new()
    {
        Name = "daily",
        Cron = "0 0 3 * * ?",
        Bands = new BandPolicy([new Band("low", 0), new Band("high", 0.5)]),
    };

    [Test]
    public async Task Sync_adds_keeps_replaces_changed_and_removes_undefined_pipelines()
    {
        var connection = await TestDatabase.CreateAsync("jobs_schedule_sync");
        var scheduler = await PipelineScheduler.CreateAsync(new SchedulerSettings { ConnectionString = connection }, null, CancellationToken.None);
        try
        {
            var weekly = Daily with { Name = "weekly", Cron = "0 0 4 ? * SUN", Misfire = MisfirePolicy.DoNothing };
            var first = await ScheduleSync.SyncAsync(scheduler, [Daily, weekly], CancellationToken.None);
            Assert.That(first.Added, Is.EquivalentTo(new[] { "daily", "weekly" }));

            var again = await ScheduleSync.SyncAsync(scheduler, [Daily, weekly], CancellationToken.None);
            Assert.That(again.Unchanged, Is.EquivalentTo(new[] { "daily", "weekly" }));
            Assert.That(again.Added.Concat(again.Updated).Concat(again.Removed), Is.Empty);

            var changed = await ScheduleSync.SyncAsync(scheduler, [Daily with { Cron = "0 30 2 * * ?", KeepRuns = 3 }], CancellationToken.None);
            Assert.That(changed.Updated, Is.EqualTo(new[] { "daily" }));
            Assert.That(changed.Removed, Is.EqualTo(new[] { "weekly" }));

            var cron = (ICronTrigger)(await scheduler.GetTrigger(PipelineScheduler.CronTriggerOf("daily")))!;
            Assert.That(cron.CronExpressionString, Is.EqualTo("0 30 2 * * ?"));
            Assert.That(cron.TimeZone, Is.EqualTo(TimeZoneInfo.Utc));
            Assert.That(cron.MisfireInstruction, Is.EqualTo(CronTriggerMisfireInstruction.FireAndProceed));
            var job = (await scheduler.GetJobDetail(PipelineScheduler.JobKeyOf("daily")))!;
            Assert.That(job.Durable && job.RequestsRecovery && job.ConcurrentExecutionDisallowed);
            Assert.That(PipelineJobData.DefinitionOf(job.Key, job.JobDataMap).KeepRuns, Is.EqualTo(3));
            Assert.That(await scheduler.GetJobDetail(PipelineScheduler.JobKeyOf("weekly")), Is.Null);
        }
        finally
        {
            await scheduler.Shutdown(false);
        }
    }

    [Test]
    public async Task A_do_nothing_misfire_policy_becomes_the_cron_triggers_instruction()
    {
        var connection = await TestDatabase.CreateAsync("jobs_schedule_misfire");
        var scheduler = await PipelineScheduler.CreateAsync(new SchedulerSettings { ConnectionString = connection }, null, CancellationToken.None);
        try
        {
            await ScheduleSync.SyncAsync(scheduler, [Daily with { Misfire = MisfirePolicy.DoNothing }], CancellationToken.None);
            var cron = (ICronTrigger)(await scheduler.GetTrigger(PipelineScheduler.CronTriggerOf("daily")))!;
            Assert.That(cron.MisfireInstruction, Is.EqualTo(CronTriggerMisfireInstruction.DoNothing));
        }
        finally
        {
            await scheduler.Shutdown(false);
        }
    }

    [TestCase(1, 10)]
    [TestCase(2, 20)]
    [TestCase(3, 40)]
    public void Backoff_doubles_for_each_attempt(int failedAttempt, int seconds) =>
        Assert.That(RetryBackoff.After(Daily with { MaxAttempts = 4, RetryBackoff = TimeSpan.FromSeconds(10) }, failedAttempt), Is.EqualTo(TimeSpan.FromSeconds(seconds)));

    [Test]
    public void No_retry_after_the_last_attempt() =>
        Assert.That(RetryBackoff.After(Daily with { MaxAttempts = 2 }, 2), Is.Null);
}
