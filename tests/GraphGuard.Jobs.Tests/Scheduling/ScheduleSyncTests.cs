using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Testing;
using Hangfire.Storage;

namespace GraphGuard.Jobs.Tests.Scheduling;

/// <summary>What a worker does to Hangfire's storage at start: add, keep, update and remove recurring pipelines; manual firings; the retry backoff.</summary>
public sealed class ScheduleSyncTests
{
    private static readonly PipelineDefinition Daily = new()
    {
        Name = "daily",
        Cron = "0 0 3 * * ?",
        Bands = new BandPolicy([new Band("low", 0), new Band("high", 0.5)]),
    };

    [Test]
    public async Task Sync_adds_keeps_updates_changed_and_removes_undefined_pipelines()
    {
        var storage = new SchedulerSettings { ConnectionString = await TestDatabase.CreateAsync("jobs_schedule_sync") }.OpenStorage();
        var weekly = Daily with { Name = "weekly", Cron = "0 0 4 ? * SUN", Misfire = MisfirePolicy.DoNothing };
        var first = ScheduleSync.Sync(storage, [Daily, weekly]);
        Assert.That(first.Added, Is.EquivalentTo(new[] { "daily", "weekly" }));

        var again = ScheduleSync.Sync(storage, [Daily, weekly]);
        Assert.That(again.Unchanged, Is.EquivalentTo(new[] { "daily", "weekly" }));
        Assert.That(again.Added.Concat(again.Updated).Concat(again.Removed), Is.Empty);
        // Misfires (docs/pipeline.md): fire_once_now runs a missed slot once when a server is back, do_nothing skips it.
        Assert.That(StoredMisfire(storage, "daily"), Is.EqualTo(Hangfire.MisfireHandlingMode.Relaxed));
        Assert.That(StoredMisfire(storage, "weekly"), Is.EqualTo(Hangfire.MisfireHandlingMode.Ignorable));

        var changed = ScheduleSync.Sync(storage, [Daily with { Cron = "0 30 2 * * ?", KeepRuns = 3 }]);
        Assert.That(changed.Updated, Is.EqualTo(new[] { "daily" }));
        Assert.That(changed.Removed, Is.EqualTo(new[] { "weekly" }));

        using var connection = storage.GetConnection();
        var daily = connection.GetRecurringJobs().Single();
        Assert.That(daily.Id, Is.EqualTo("daily"));
        Assert.That(daily.Cron, Is.EqualTo("0 30 2 * * ?"));
        Assert.That(daily.TimeZoneId, Is.EqualTo(TimeZoneInfo.Utc.Id));
        Assert.That(daily.NextExecution!.Value, Is.EqualTo(NextAt(2, 30)), "the next firing is 02:30:00 UTC");
        Assert.That(PipelineDefinitionFile.Parse("stored", "daily", (string)daily.Job!.Args[1]).KeepRuns, Is.EqualTo(3), "the job carries the definition");
    }

    [Test]
    public async Task A_manual_trigger_queues_a_firing_of_a_stored_pipeline_and_refuses_an_unknown_one()
    {
        var storage = new SchedulerSettings { ConnectionString = await TestDatabase.CreateAsync("jobs_manual_trigger") }.OpenStorage();
        ScheduleSync.Sync(storage, [Daily]);
        var id = ManualTrigger.Enqueue(storage, "daily");
        using var connection = storage.GetConnection();
        var job = connection.GetJobData(id)!;
        Assert.That(job.State, Is.EqualTo("Enqueued"));
        Assert.That(job.Job.Args[2], Is.EqualTo("manual"));
        var unknown = Assert.Throws<ArgumentException>(() => ManualTrigger.Enqueue(storage, "nightly"))!;
        Assert.That(unknown.Message, Does.Contain("no scheduled pipeline 'nightly'"));
    }

    /// <summary>The misfire handling Hangfire stored with a recurring job (its hash leaves out the default, relaxed).</summary>
    private static Hangfire.MisfireHandlingMode StoredMisfire(Hangfire.JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        var stored = connection.GetAllEntriesFromHash($"recurring-job:{id}")!.GetValueOrDefault("Misfire");
        return stored is null ? Hangfire.MisfireHandlingMode.Relaxed : Enum.Parse<Hangfire.MisfireHandlingMode>(stored);
    }

    private static DateTime NextAt(int hour, int minute)
    {
        var now = DateTime.UtcNow;
        var today = new DateTime(now.Year, now.Month, now.Day, hour, minute, 0, DateTimeKind.Utc);
        return today > now ? today : today.AddDays(1);
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
