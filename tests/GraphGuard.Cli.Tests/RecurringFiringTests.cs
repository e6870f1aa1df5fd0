using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Cli.Tests;

/// <summary>A recurring pipeline on three workers sharing one database: each cron slot fires once, as one run.</summary>
[NonParallelizable]
public sealed class RecurringFiringTests
{
    private WorldDatabase _world = null!;
    private string _jobs = null!;

    [OneTimeSetUp]
    public async Task GenerateAndIngestAWorld()
    {
        _world = await WorldDatabase.CreateAsync("recurring", accounts: 1000, seed: 24);
        _jobs = Directory.CreateTempSubdirectory("graphguard-recurring-").FullName;
        // Every 10 seconds, in UTC; one attempt, so a slot is one run whatever happens to it.
        await File.WriteAllTextAsync(Path.Combine(_jobs, "tick.json"), """
            {
              "cron": "*/10 * * * * *",
              "bands": [ { "name": "low", "min": 0 }, { "name": "high", "min": 0.5 } ],
              "retry": { "max_attempts": 1, "backoff": "1s" },
              "keep_runs": 2
            }
            """);
    }

    [OneTimeTearDown]
    public void RemoveTheWorld()
    {
        _world.Dispose();
        Directory.Delete(_jobs, recursive: true);
    }

    [Test]
    public async Task A_recurring_job_across_three_workers_fires_once_per_slot()
    {
        await using var db = NpgsqlDataSource.Create(_world.Connection);
        using var cluster = new WorkerCluster(_world.Connection, _jobs);
        await cluster.StartAsync(db, 3);
        var since = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        await Task.Delay(TimeSpan.FromSeconds(35));
        foreach (var worker in cluster.Workers)
        {
            Assert.That(await worker.StopAsync(), Is.Zero, worker.Output);
        }

        // Hangfire marks each job a recurring job created with the slot it stands for ("Time", Unix seconds).
        var slots = new List<long>();
        await using (var cmd = db.CreateCommand("""
            select t.value from hangfire.jobparameter t
            join hangfire.jobparameter r on r.jobid = t.jobid and r.name = 'RecurringJobId' and r.value = '"tick"'
            where t.name = 'Time' order by t.value::bigint
            """))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                slots.Add(long.Parse(reader.GetString(0).Trim('"'), System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        TestContext.Out.WriteLine($"slots fired: {string.Join(", ", slots.Select(s => DateTimeOffset.FromUnixTimeSeconds(s).ToString("HH:mm:ss")))}");
        Assert.That(slots.Count(s => s >= since), Is.GreaterThanOrEqualTo(3), "35 s of a 10 s schedule");
        Assert.That(slots, Is.Unique, "no slot fired twice");
        Assert.That(slots.Select(s => s % 10), Is.All.Zero, "every firing is a slot of the cron");
        // Each firing is at most one run (created by the worker that took it), and every run comes from a firing.
        Assert.That(await TestDatabase.CountAsync(db, "select count(*) from pipeline_runs where trigger = 'schedule' and hangfire_job_id is null"), Is.Zero);
        Assert.That(await TestDatabase.CountAsync(db, "select count(distinct hangfire_job_id) from pipeline_runs where trigger = 'schedule'"),
            Is.EqualTo(await TestDatabase.CountAsync(db, "select count(*) from pipeline_runs where trigger = 'schedule'")));
        Assert.That(await TestDatabase.CountAsync(db, "select count(*) from pipeline_runs where trigger = 'schedule'"), Is.GreaterThanOrEqualTo(1).And.LessThanOrEqualTo(slots.Count));
        Assert.That(await TestDatabase.CountAsync(db, "select count(*) from pipeline_runs where status = 'running'"), Is.Zero, "stopped workers finished what they ran");
    }
}
