using System.Diagnostics;
using System.Text;
using GraphGuard.Storage.Database;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Cli.Tests;

/// <summary>
/// PostgreSQL stopped for 40 s in the middle of a stage of a run that two workers and a <c>jobs trigger --wait</c>
/// follow, then started again: the run is resumed within the stated bound and ends succeeded, never left running.
/// </summary>
/// <remarks>
/// Implementation note: the test stops a real PostgreSQL server of its own (a private cluster in a temporary
/// folder, created with the same code as the repository's), not the repository's cluster: the other test
/// assemblies run beside this one against that, and would fail with it stopped.
/// </remarks>
[NonParallelizable]
public sealed class DatabaseOutageTests
{
    /// <summary>What docs/pipeline.md states: resumed within the poll interval (1 s here), the pool's reconnect and a sweep.</summary>
    private static readonly TimeSpan ResumeBound = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(40);

    private string _root = null!;
    private LocalCluster _server = null!;
    private string _connection = null!;
    private string _world = null!;
    private string _jobs = null!;

    [OneTimeSetUp]
    public async Task StartAServerOfItsOwnWithAWorld()
    {
        if (!File.Exists(Path.Combine(GraphGuardHome.PgBinDirectory(), "pg_ctl")))
        {
            Assert.Ignore($"PostgreSQL's server programs are not in {GraphGuardHome.PgBinDirectory()}: scripts/setup.sh installs them");
        }
        // Short (the socket path has a limit) and traversable by the postgres user when we run as root.
        _root = Path.Combine(Path.GetTempPath(), $"gg-outage-{Environment.ProcessId}");
        Directory.CreateDirectory(_root);
        _server = new LocalCluster(Path.Combine(_root, "pg"), GraphGuardHome.PgBinDirectory());
        await _server.StartAsync();
        _connection = _server.ConnectionString("graphguard");
        await DatabaseConnector.EnsureDatabaseAsync(_connection);
        _world = Path.Combine(_root, "world");
        await GraphGuardProcess.SucceedAsync(_connection, "generate", "--accounts", "2000", "--seed", "23", "--out", _world);
        await GraphGuardProcess.SucceedAsync(_connection, "ingest", _world);
        _jobs = Path.Combine(_root, "jobs");
        Directory.CreateDirectory(_jobs);
        await File.WriteAllTextAsync(Path.Combine(_jobs, "quick.json"), """
            {
              "cron": "0 0 3 29 2 ?",
              "bands": [ { "name": "low", "min": 0 }, { "name": "high", "min": 0.5 } ],
              "retry": { "max_attempts": 2, "backoff": "1s" }
            }
            """);
    }

    [OneTimeTearDown]
    public async Task StopTheServer()
    {
        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await _server.StartAsync(); // stopped by a failed test? leave it consistent, then stop it
            await _server.StopAsync();
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public async Task PostgreSQL_stopped_for_40_seconds_mid_stage_ends_with_the_run_resumed_within_the_bound_and_trigger_wait_survives()
    {
        await using var db = NpgsqlDataSource.Create(_connection);
        using var cluster = new WorkerCluster(_connection, _jobs);
        await cluster.StartAsync(db, 2);
        using var follower = Process.Start(GraphGuardProcess.StartInfo(_connection, "jobs", "trigger", "quick", "--wait"))!;
        var followed = new StringBuilder();
        follower.OutputDataReceived += (_, e) => { lock (followed) { followed.AppendLine(e.Data); } };
        follower.ErrorDataReceived += (_, e) => { lock (followed) { followed.AppendLine(e.Data); } };
        follower.BeginOutputReadLine();
        follower.BeginErrorReadLine();

        var (run, stage) = await cluster.PollAsync(async () =>
        {
            await using var cmd = db.CreateCommand($"select run_id, stage from stage_runs where status = 'running' and {WorkerCluster.InterruptibleStage}");
            await using var reader = await cmd.ExecuteReaderAsync();
            return await reader.ReadAsync() ? (reader.GetInt64(0), reader.GetString(1)) : default((long, string)?);
        }, "a stage of the triggered run running");
        await _server.StopAsync();
        TestContext.Out.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} PostgreSQL stopped during stage {stage} of run {run}");
        await Task.Delay(Outage);
        await _server.StartAsync();
        var back = DateTime.UtcNow;
        TestContext.Out.WriteLine($"{back:HH:mm:ss.fff} PostgreSQL started again");

        // A fresh pool: the test's own connections broke with the restart, as the workers' did.
        await using var after = NpgsqlDataSource.Create(_connection);
        string? status = null;
        await cluster.PollAsync(async () =>
        {
            var (s, retryAt) = await StatusAsync(after, run);
            status = s;
            return s == "succeeded" || (s == "failed" && retryAt is null) ? true : default(bool?);
        }, $"run {run} to end", TimeSpan.FromMinutes(3));
        Assert.That(status, Is.EqualTo("succeeded"), cluster.Log);
        var resumed = await WorkerCluster.ScalarAsync<DateTime>(after, $"select min(started_at) from stage_runs where run_id = {run} and started_at > '{back:O}'::timestamptz");
        TestContext.Out.WriteLine($"the run resumed {(resumed - back).TotalSeconds:0.00} s after PostgreSQL answered again");
        Assert.That(resumed - back, Is.LessThan(ResumeBound));
        // The publish stage marks the run succeeded just before its own attempt row is closed.
        await cluster.PollAsync(async () => await TestDatabase.CountAsync(after, $"select count(*) from stage_runs where run_id = {run} and status = 'running'") == 0 ? true : default(bool?),
            "no attempt left running");
        Assert.That(await TestDatabase.CountAsync(after, $"select count(*) from stage_runs where run_id = {run} and stage = '{stage}' and status in ('abandoned', 'failed')"), Is.EqualTo(1),
            "the interrupted attempt is closed");
        Assert.That(await TestDatabase.CountAsync(after, $"select attempts from pipeline_runs where run_id = {run}"), Is.EqualTo(2), "the outage spent one attempt");
        Assert.That(await TestDatabase.CountAsync(after, $"select count(*) from publications where run_id = {run}"), Is.EqualTo(1), "published once");

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await follower.WaitForExitAsync(timeout.Token);
        var output = followed.ToString();
        TestContext.Out.WriteLine($"jobs trigger --wait said:\n{output}");
        Assert.That(follower.ExitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("the database is unreachable").And.Contain("the database answers again").And.Contain($"run {run}: succeeded"));
        Assert.That(output, Does.Not.Contain("Exception while writing to stream"), "what it said before it waited outages out");
        Assert.That(cluster.Workers.All(w => !w.HasExited), "the workers outlived the outage");
    }

    private static async Task<(string Status, DateTime? RetryAt)> StatusAsync(NpgsqlDataSource db, long run)
    {
        await using var cmd = db.CreateCommand($"select status, retry_at from pipeline_runs where run_id = {run}");
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1));
    }
}
