using GraphGuard.Jobs.Scheduling;
using GraphGuard.Tests.Shared;
using Npgsql;
using Quartz;

namespace GraphGuard.Jobs.Tests.Scheduling;

/// <summary>Migration 0007 against Quartz itself: the store validates, a node checks in, jobs and triggers round-trip.</summary>
public sealed class SchedulerStoreTests
{
    private string _connection = null!;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _connection = await TestDatabase.CreateAsync("jobs_quartz_store");

    [Test]
    public async Task A_started_node_passes_schema_validation_and_checks_in()
    {
        var scheduler = await PipelineScheduler.CreateAsync(Settings(), null, CancellationToken.None);
        try
        {
            await scheduler.Start();
            await using var dataSource = NpgsqlDataSource.Create(_connection);
            var instance = await scheduler.GetSchedulerInstanceId();
            Assert.That(await TestDatabase.CountAsync(dataSource, $"select count(*) from qrtz_scheduler_state where sched_name = 'graphguard' and instance_name = '{instance}'"), Is.EqualTo(1));
        }
        finally
        {
            await scheduler.Shutdown(false);
        }
    }

    [Test]
    public async Task A_durable_job_with_a_utc_cron_trigger_round_trips_through_the_store()
    {
        var scheduler = await PipelineScheduler.CreateAsync(Settings(), null, CancellationToken.None);
        try
        {
            var job = JobBuilder.Create<NoOpJob>().WithIdentity("probe", "probe").StoreDurably().RequestRecovery().UsingJobData("k", "v").Build();
            var trigger = TriggerBuilder.Create().WithIdentity("probe", "probe").ForJob(job)
                .WithCronSchedule("0 0 3 * * ?", c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing);

            var stored = await scheduler.GetJobDetail(job.Key);
            Assert.That(stored!.JobDataMap.GetString("k"), Is.EqualTo("v"));
            Assert.That(stored.Durable && stored.RequestsRecovery);
            var cron = (ICronTrigger)(await scheduler.GetTrigger(trigger.Key))!;
            Assert.That(cron.CronExpressionString, Is.EqualTo("0 0 3 * * ?"));
            Assert.That(cron.MisfireInstruction, Is.EqualTo(CronTriggerMisfireInstruction.DoNothing));
            Assert.That(cron.GetFireTimeAfter(DateTimeOffset.UtcNow)!.Value.Hour, Is.EqualTo(3));
        }
        finally
        {
            await scheduler.DeleteJob(new JobKey("probe", "probe"));
            await scheduler.Shutdown(false);
        }
    }

    private SchedulerSettings Settings() => new() { ConnectionString = _connection, CheckinInterval = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromSeconds(1) };

    private sealed class NoOpJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
