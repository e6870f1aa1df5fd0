using GraphGuard.Jobs.Scheduling;
using GraphGuard.Storage.Scheduling;
using GraphGuard.Testing;
using Hangfire;

namespace GraphGuard.Jobs.Tests.Scheduling;

/// <summary>
/// Hangfire's delivery on our storage settings (<see cref="HangfireStore"/>): a job that runs for several invisibility
/// timeouts is not handed to a second server while its own is alive, as a fixed timeout would (the probe saw a
/// 45-second job restarted three times under the 30-minute default with sliding off, scaled down here).
/// </summary>
[NonParallelizable]
public sealed class HangfireDeliveryTests
{
    private static readonly TimeSpan Invisibility = TimeSpan.FromSeconds(2);

    [Test]
    public async Task A_job_running_for_four_invisibility_timeouts_is_performed_once_by_one_of_two_servers()
    {
        var settings = new SchedulerSettings
        {
            ConnectionString = await TestDatabase.CreateAsync("jobs_hangfire_delivery"),
            PollInterval = TimeSpan.FromMilliseconds(200),
            InvisibilityTimeout = Invisibility,
        };
        var storage = settings.OpenStorage();
        LongJob.Reset();
        var id = new BackgroundJobClient(storage).Enqueue(() => LongJob.RunAsync(Invisibility * 4));
        BackgroundJobServerOptions Server(string name) => new()
        {
            ServerName = name,
            WorkerCount = 1,
            SchedulePollingInterval = settings.PollInterval,
            ShutdownTimeout = TimeSpan.FromSeconds(30),
        };
        using (new BackgroundJobServer(Server("delivery-a"), storage))
        using (new BackgroundJobServer(Server("delivery-b"), storage))
        {
            await Eventually.HoldsAsync(() =>
            {
                using var connection = storage.GetConnection();
                return Task.FromResult(connection.GetJobData(id)?.State == "Succeeded");
            }, "the long job to succeed", TimeSpan.FromMinutes(1));
        }
        Assert.That(LongJob.Performances, Is.EqualTo(1), "performed once: its server kept it invisible while it ran");
    }

    [Test]
    public async Task Hangfire_keeps_its_tables_in_a_schema_of_its_own_in_our_database()
    {
        var connection = await TestDatabase.CreateAsync("jobs_hangfire_schema");
        new SchedulerSettings { ConnectionString = connection }.OpenStorage();
        await using var db = Npgsql.NpgsqlDataSource.Create(connection);
        Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from pg_tables where schemaname = '{HangfireStore.Schema}' and tablename in ('job', 'jobqueue', 'server', 'hash', 'state')"), Is.EqualTo(5));
        Assert.That(await TestDatabase.CountAsync(db, "select count(*) from pg_tables where schemaname = 'public' and tablename in ('job', 'jobqueue', 'server', 'hash', 'state')"), Is.Zero);
    }

    /// <summary>Hangfire asks for Newtonsoft.Json 11 or later; Directory.Packages.props pins the maintained 13.0 line.</summary>
    [Test]
    public void Hangfire_serializes_with_newtonsoft_json_13_0() =>
        Assert.That(System.Diagnostics.FileVersionInfo.GetVersionInfo(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location).FileVersion, Does.StartWith("13.0."));

    /// <summary>A Hangfire job (public for its serializer) that counts how often it is performed.</summary>
    public static class LongJob
    {
        private static int _performances;

        public static int Performances => Volatile.Read(ref _performances);

        public static void Reset() => Interlocked.Exchange(ref _performances, 0);

        public static async Task RunAsync(TimeSpan duration)
        {
            Interlocked.Increment(ref _performances);
            await Task.Delay(duration);
        }
    }
}
