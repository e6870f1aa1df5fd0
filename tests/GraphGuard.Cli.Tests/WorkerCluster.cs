using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Cli.Tests;

/// <summary>
/// Real <c>graphguard worker</c> processes on one database, with the polling the tests wait through: a probe
/// tried every 20 ms until it answers, failing fast when a worker exits that was not killed on purpose.
/// </summary>
internal sealed class WorkerCluster(string connection, string jobs) : IDisposable
{
    public List<WorkerProcess> Workers { get; } = [];

    /// <summary>
    /// A SQL condition on <c>stage_runs.stage</c> for the stages slow enough to interrupt: the bookkeeping ones
    /// (content on a world without content labels, snapshot, release, review_queue, drift, publish) finish in
    /// milliseconds, before a kill or an outage can land inside them.
    /// </summary>
    public const string InterruptibleStage = "stage not in ('content', 'snapshot', 'release', 'review_queue', 'drift', 'publish')";

    /// <summary>Every worker's output so far.</summary>
    public string Log => string.Concat(Workers.Select(w => w.Output));

    /// <summary>Starts <paramref name="count"/> workers and waits until each is a Hangfire server of its own.</summary>
    public async Task StartAsync(NpgsqlDataSource db, int count)
    {
        var started = new List<WorkerProcess>();
        for (var i = 0; i < count; i++)
        {
            started.Add(WorkerProcess.Start(connection, jobs));
        }
        Workers.AddRange(started);
        // A server's id starts with its name, which is the worker's host/pid.
        var servers = await PollAsync(async () =>
        {
            if (!await ScalarAsync<bool>(db, "select to_regclass('hangfire.server') is not null"))
            {
                return default(long?); // the first worker is still installing Hangfire's schema
            }
            var live = await TestDatabase.CountAsync(db, $"select count(*) from hangfire.server where {string.Join(" or ", started.Select(w => $"id like '%/{w.Pid}:%'"))}");
            return live >= count ? live : default(long?);
        }, $"{count} workers to register as Hangfire servers");
        Assert.That(servers, Is.EqualTo(count), "each worker is its own server");
    }

    /// <summary>The worker whose pid a <c>stage_runs.worker</c> (host/pid) names.</summary>
    public WorkerProcess Running(string worker) => Workers.Single(w => w.Pid == int.Parse(worker.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture));

    public Task<T> PollAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : struct =>
        Eventually.YieldsAsync(async () =>
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (Workers.Any(w => w.HasExited && w.ExitCode != 137 && w.ExitCode != -1))
            {
                Assert.Fail($"a worker exited while waiting for {what}");
            }
            return (T?)null;
        }, what, timeout ?? TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(20));

    public static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var cmd = db.CreateCommand(sql);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Writes each worker's output when the test failed, then kills what still runs.</summary>
    public void Dispose()
    {
        foreach (var worker in Workers)
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
            {
                TestContext.Out.WriteLine($"--- worker {worker.Pid}\n{worker.Output}");
            }
            worker.Dispose();
        }
        Workers.Clear();
    }
}
