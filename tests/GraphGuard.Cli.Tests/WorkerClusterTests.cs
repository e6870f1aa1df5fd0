using System.Globalization;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Cli.Tests;

/// <summary>
/// The scheduled pipeline on a cluster of real <c>graphguard worker</c> processes sharing one database:
/// a run fired through the store runs each stage once, a worker killed mid-stage is recovered by the other
/// while the last published run stays published (and served by a real `graphguard serve`), and a failing stage is retried with backoff and then left failed.
/// </summary>
[NonParallelizable]
public sealed class WorkerClusterTests
{
    private static int Stages => GraphGuard.Jobs.Pipeline.PipelineStages.Names.Count;

    private WorldDatabase _world = null!;
    private string _jobs = null!;
    private WorkerCluster _cluster = null!;

    /// <summary>What docs/pipeline.md states for the tests' 1 s poll interval: a sweep finds the free lease within one poll.</summary>
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(10);

    [OneTimeSetUp]
    public async Task GenerateAndIngestAWorld()
    {
        _world = await WorldDatabase.CreateAsync("workers", accounts: 2000, seed: 21);
        _jobs = Directory.CreateTempSubdirectory("graphguard-jobs-").FullName;
        // Never due on its own (29 February at 03:00): every run here is fired through the store.
        await File.WriteAllTextAsync(Path.Combine(_jobs, "quick.json"), """
            {
              "description": "test pipeline",
              "cron": "0 0 3 29 2 ?",
              "bands": [ { "name": "low", "min": 0 }, { "name": "high", "min": 0.5 } ],
              "retry": { "max_attempts": 2, "backoff": "1s" }
            }
            """);
    }

    [OneTimeTearDown]
    public void RemoveTheWorld()
    {
        _world.Dispose();
        Directory.Delete(_jobs, recursive: true);
    }

    [SetUp]
    public void NewCluster() => _cluster = new WorkerCluster(_world.Connection, _jobs);

    [TearDown]
    public void StopWorkers() => _cluster.Dispose();

    [Test, Order(1)]
    public async Task Two_workers_run_a_triggered_run_with_one_attempt_per_stage_and_stop_cleanly_on_sigterm()
    {
        await using var db = NpgsqlDataSource.Create(_world.Connection);
        await _cluster.StartAsync(db, 2);

        await _world.Succeed("jobs", "trigger", "quick", "--wait");

        var run = await TestDatabase.CountAsync(db, "select max(run_id) from pipeline_runs");
        Assert.That(await WorkerCluster.ScalarAsync<string>(db, $"select status from pipeline_runs where run_id = {run}"), Is.EqualTo("succeeded"));
        await AttemptsSettledAsync(db, run);
        Assert.That(await WorkerCluster.ScalarAsync<string>(db, $"select trigger from pipeline_runs where run_id = {run}"), Is.EqualTo("manual"));
        Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from stage_runs where run_id = {run}"), Is.EqualTo(Stages), "one attempt per stage");
        Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from stage_runs where run_id = {run} and status in ('succeeded', 'skipped')"), Is.EqualTo(Stages));
        Assert.That(await TestDatabase.CountAsync(db, $"""
            select count(*) from stage_runs a join stage_runs b on a.run_id = b.run_id and (a.stage, a.attempt) < (b.stage, b.attempt)
            where a.run_id = {run} and a.started_at < b.finished_at and b.started_at < a.finished_at
            """), Is.Zero, "no two attempts of the run overlap in time");
        Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from publications where run_id = {run}"), Is.EqualTo(1));

        // jobs list: the next firing as Hangfire's storage holds it (29 February, 03:00 UTC), the last run from ours.
        var (listCode, list, listErrors) = await GraphGuardProcess.RunAsync(_world.Connection, "jobs", "list", "--jobs", _jobs, "--json");
        Assert.That(listCode, Is.Zero, listErrors);
        using (var listed = System.Text.Json.JsonDocument.Parse(list))
        {
            var quick = listed.RootElement.GetProperty("jobs").EnumerateArray().Single();
            Assert.That(quick.GetProperty("name").GetString(), Is.EqualTo("quick"));
            Assert.That(quick.GetProperty("scheduled").GetBoolean(), "a worker stored it");
            var next = quick.GetProperty("next_fire_time").GetDateTime().ToUniversalTime();
            Assert.That((next.Month, next.Day, next.Hour, next.Minute), Is.EqualTo((2, 29, 3, 0)));
            Assert.That(quick.GetProperty("last_run").GetProperty("run_id").GetInt64(), Is.EqualTo(run));
            Assert.That(quick.GetProperty("last_run").GetProperty("status").GetString(), Is.EqualTo("succeeded"));
        }

        foreach (var worker in _cluster.Workers)
        {
            Assert.That(await worker.StopAsync(), Is.Zero, worker.Output);
            Assert.That(worker.Output, Does.Contain("stopped"));
        }
        var log = string.Concat(_cluster.Workers.Select(w => w.Output));
        Assert.That(log, Does.Contain($"run {run} stage 1/{Stages} {GraphGuard.Jobs.Pipeline.PipelineStages.Names[0]}: started").And.Contain($"run {run} stage {Stages}/{Stages} publish: succeeded"));
    }

    [Test, Order(2)]
    public async Task A_worker_killed_mid_stage_is_recovered_by_the_other_and_the_published_run_stays_published()
    {
        await using var db = NpgsqlDataSource.Create(_world.Connection);
        await _cluster.StartAsync(db, 2);
        await _world.Succeed("jobs", "trigger", "quick", "--wait");
        var published = await LatestPublishedAsync(db);
        var before = await TestDatabase.CountAsync(db, "select max(run_id) from pipeline_runs");
        using var serve = await ServeProcess.StartAsync(_world.Connection);
        await _cluster.PollAsync(async () => await serve.ServedRunAsync() == published ? true : default(bool?), "the service to load the published run");

        await _world.Succeed("jobs", "trigger", "quick");
        // Catch a slow stage of the new run in progress (the bookkeeping ones finish in milliseconds) and kill the worker running it.
        var (stage, pid) = await _cluster.PollAsync(async () =>
        {
            await using var cmd = db.CreateCommand($"""
                select stage, worker from stage_runs
                where run_id > {before} and status = 'running' and {WorkerCluster.InterruptibleStage}
                """);
            await using var reader = await cmd.ExecuteReaderAsync();
            return await reader.ReadAsync() ? (reader.GetString(0), int.Parse(reader.GetString(1).Split('/')[1], CultureInfo.InvariantCulture)) : default((string, int)?);
        }, "a stage of the new run running");
        var victim = _cluster.Workers.Single(w => w.Pid == pid);
        await victim.KillAsync();
        var killedAt = DateTime.UtcNow;
        var run = before + 1;
        Assert.That(await LatestPublishedAsync(db), Is.EqualTo(published), "the last published run stays published after the kill");
        Assert.That(await serve.ServedRunAsync(), Is.EqualTo(published), "the service keeps serving it");

        await _cluster.PollAsync(async () => await WorkerCluster.ScalarAsync<string>(db, $"select status from pipeline_runs where run_id = {run}") == "succeeded" ? true : default(bool?),
            "the other worker to recover and finish the run");
        await AttemptsSettledAsync(db, run);
        Assert.That(await WorkerCluster.ScalarAsync<string>(db, $"select status from stage_runs where run_id = {run} and stage = '{stage}' and attempt = 1"), Is.EqualTo("abandoned"));
        Assert.That(await WorkerCluster.ScalarAsync<string>(db, $"select status from stage_runs where run_id = {run} and stage = '{stage}' and attempt = 2"), Is.EqualTo("succeeded"));
        var recovery = await WorkerCluster.ScalarAsync<DateTime>(db, $"select started_at from stage_runs where run_id = {run} and stage = '{stage}' and attempt = 2") - killedAt;
        TestContext.Out.WriteLine($"stage {stage} resumed on the other worker {recovery.TotalSeconds:0.00} s after the kill");
        Assert.That(recovery, Is.LessThan(RecoveryBound), "a dead worker's run is resumed within a poll interval (1 s here) and a sweep");
        Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from stage_runs where run_id = {run} and status in ('succeeded', 'skipped')"), Is.EqualTo(Stages));
        Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from stage_runs where run_id = {run} and stage = 'snapshot'"), Is.EqualTo(1), "finished stages are not run again");
        var survivor = _cluster.Workers.Single(w => w != victim);
        Assert.That(survivor.Output, Does.Contain($"run {run} (quick): attempt 2 of 2 started (recovered from a stopped worker)"));
        Assert.That(await LatestPublishedAsync(db), Is.EqualTo(run));
        await _cluster.PollAsync(async () => await serve.ServedRunAsync() == run ? true : default(bool?), "the service to load the recovered run once it is published");
        Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from publications where run_id in ({published}, {run})"), Is.EqualTo(2));
    }

    [Test, Order(3)]
    public async Task A_run_whose_workers_keep_dying_is_given_up_after_its_attempts_and_nothing_is_published()
    {
        await using var db = NpgsqlDataSource.Create(_world.Connection);
        var published = await LatestPublishedAsync(db);
        var before = await TestDatabase.CountAsync(db, "select max(run_id) from pipeline_runs");
        await _cluster.StartAsync(db, 2);

        await _world.Succeed("jobs", "trigger", "quick");
        var run = before + 1;
        // An early stage, so the survivor still has stages to run when it is killed in turn.
        var first = await RunningWorkerAsync(db, run, "stage = 'graph_features'");
        await _cluster.Workers.Single(w => w.Pid == first).KillAsync();
        var second = await RunningWorkerAsync(db, run, $"worker not like '%/{first}' and stage <> 'publish'");
        await _cluster.Workers.Single(w => w.Pid == second).KillAsync();

        // A fresh worker recovers the run a third time: its two attempts are spent, so it gives up.
        _cluster.Workers.Add(WorkerProcess.Start(_world.Connection, _jobs));
        await _cluster.PollAsync(async () => await WorkerCluster.ScalarAsync<string>(db, $"select status from pipeline_runs where run_id = {run}") == "failed" ? true : default(bool?),
            "the third worker to give the run up");
        Assert.That(await WorkerCluster.ScalarAsync<string>(db, $"select error from pipeline_runs where run_id = {run}"), Does.Contain("gave up after 2 attempts"));
        Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from stage_runs where run_id = {run} and status = 'running'"), Is.Zero, "dead attempts are closed");
        Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from stage_runs where run_id = {run} and status = 'abandoned'"), Is.EqualTo(2));
        Assert.That(await LatestPublishedAsync(db), Is.EqualTo(published), "the failed run is never published");
        // The worker logs the give-up just after storing it.
        await _cluster.PollAsync(() => Task.FromResult(_cluster.Workers[^1].Output.Contains($"run {run} (quick): gave up after 2 attempts", StringComparison.Ordinal) ? true : default(bool?)),
            "the third worker to log the give-up");
    }

    /// <summary>Waits for a stage of the run to be running on a worker matching the condition; returns that worker's pid.</summary>
    private Task<int> RunningWorkerAsync(NpgsqlDataSource db, long run, string condition) =>
        _cluster.PollAsync(async () =>
        {
            await using var cmd = db.CreateCommand($"select worker from stage_runs where run_id = {run} and status = 'running' and {condition}");
            return await cmd.ExecuteScalarAsync() is string worker ? int.Parse(worker.Split('/')[1], CultureInfo.InvariantCulture) : default(int?);
        }, $"a stage of run {run} running ({condition})");

    [Test]
    public async Task A_worker_with_a_bad_definition_exits_naming_the_file_and_the_field()
    {
        var bad = Directory.CreateTempSubdirectory("graphguard-badjobs-").FullName;
        try
        {
            var file = Path.Combine(bad, "nightly.json");
            await File.WriteAllTextAsync(file, """{ "cron": "0 0 3 * * ?", "bands": [ { "name": "low", "min": 0 } ], "retry": { "max_attempts": 0 } }""");
            var (code, _, stderr) = await GraphGuardProcess.RunAsync(_world.Connection, "worker", "--jobs", bad);
            Assert.That(code, Is.Not.Zero);
            Assert.That(stderr, Does.Contain(file).And.Contain("retry.max_attempts"));
        }
        finally
        {
            Directory.Delete(bad, recursive: true);
        }
    }

    [Test]
    public async Task A_run_whose_train_stage_fails_is_retried_with_backoff_then_left_failed()
    {
        // A world without labels: the train stage has nothing to learn from and fails, every time.
        var folder = Directory.CreateTempSubdirectory("graphguard-nolabels-").FullName;
        try
        {
            var connection = await TestDatabase.CreateAsync("cli_cluster.Workers_nolabels");
            await GraphGuardProcess.SucceedAsync(connection, "generate", "--accounts", "1500", "--seed", "22", "--out", folder);
            File.Delete(Path.Combine(folder, "labels.csv"));
            await GraphGuardProcess.SucceedAsync(connection, "ingest", folder);
            await using var db = NpgsqlDataSource.Create(connection);
            _cluster.Workers.Add(WorkerProcess.Start(connection, _jobs));
            await _cluster.PollAsync(() => Task.FromResult(_cluster.Workers[0].Output.Contains(" started with ", StringComparison.Ordinal) ? true : default(bool?)), "the worker to start");

            var (code, stdout, stderr) = await GraphGuardProcess.RunAsync(connection, "jobs", "trigger", "quick", "--wait");
            Assert.That(code, Is.EqualTo(1), stdout + stderr);
            var run = await TestDatabase.CountAsync(db, "select max(run_id) from pipeline_runs");
            Assert.That(stderr, Does.Contain($"run {run} failed").And.Contain("train"));
            Assert.That(await WorkerCluster.ScalarAsync<string>(db, $"select status from pipeline_runs where run_id = {run}"), Is.EqualTo("failed"));
            Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from stage_runs where run_id = {run} and stage = 'train' and status = 'failed'"), Is.EqualTo(2), "one failed attempt per run attempt");
            Assert.That(await TestDatabase.CountAsync(db, $"select count(*) from stage_runs where run_id = {run} and stage = 'snapshot'"), Is.EqualTo(1), "the retry resumed at train");
            var gap = await WorkerCluster.ScalarAsync<double>(db, $"""
                select extract(epoch from max(started_at) - min(finished_at))::float8 from stage_runs where run_id = {run} and stage = 'train'
                """);
            Assert.That(gap, Is.GreaterThanOrEqualTo(1.0), "the retry waited for the backoff");
            Assert.That(await TestDatabase.CountAsync(db, "select count(*) from publications"), Is.Zero);
            Assert.That(_cluster.Workers[0].Output, Does.Contain($"run {run} (quick): retry 2 of 2 in").And.Contain($"run {run} (quick): failed after 2 attempts"));

            var (historyCode, history, _) = await GraphGuardProcess.RunAsync(connection, "jobs", "history", "quick", "--json");
            Assert.That(historyCode, Is.Zero);
            Assert.That(history, Does.Contain("\"status\": \"failed\"").And.Contain("\"stage\": \"train\""));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The publish stage marks the run succeeded just before its own attempt row is closed: wait for that.</summary>
    private Task AttemptsSettledAsync(NpgsqlDataSource db, long run) =>
        _cluster.PollAsync(async () => await TestDatabase.CountAsync(db, $"select count(*) from stage_runs where run_id = {run} and status = 'running'") == 0 ? true : default(bool?),
            $"run {run}'s attempts to be closed");

    private static async Task<long> LatestPublishedAsync(NpgsqlDataSource db) =>
        await TestDatabase.CountAsync(db, "select run_id from publications order by publication_id desc limit 1");
}
