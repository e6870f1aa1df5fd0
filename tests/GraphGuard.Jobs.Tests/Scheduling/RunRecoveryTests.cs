using System.Collections.Concurrent;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Jobs.Tests.Pipeline;
using GraphGuard.Storage.Pipeline;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Scheduling;

/// <summary>
/// What a worker's sweep finds in our own run tables, whatever Hangfire's storage holds: a failure whose retry job
/// the scheduler never stored is retried once due, and a run left <c>running</c> by a dead driver is resumed by a
/// worker that starts, while one whose driver lives is left alone.
/// </summary>
/// <remarks>
/// Implementation note: the runs here have the first two stages only (content, snapshot), real ones, so each
/// attempt takes milliseconds; what is under test is who drives the run and when, not what the stages make.
/// </remarks>
public sealed class RunRecoveryTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private NpgsqlDataSource _db = null!;
    private readonly ConcurrentQueue<string> _log = new();

    private static PipelineDefinition Definition(string name) =>
        TestPipeline.Definition() with { Name = name, MaxAttempts = 2, RetryBackoff = TimeSpan.FromSeconds(1) };

    [OneTimeSetUp]
    public async Task CopyWorld() => _db = await PipelineWorld.CopyAsync(nameof(RunRecoveryTests));

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    [TearDown]
    public void ShowTheLogOnFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(string.Join('\n', _log));
        }
        _log.Clear();
    }

    private PipelineWorker Worker(IReadOnlyList<IPipelineStage> stages) =>
        new(_db, () => new PipelineRunner(_db, stages, "test/" + Environment.ProcessId), _log.Enqueue);

    private SchedulerSettings Settings => new() { ConnectionString = _db.ConnectionString, PollInterval = Poll };

    private static IReadOnlyList<IPipelineStage> FirstStages(FailOnce? snapshot = null) =>
        [.. PipelineStages.All().Take(2).Select(s => snapshot is not null && s.Name == "snapshot" ? new FailingOnce(s, snapshot) : s)];

    private Task<long> Count(string sql) => TestDatabase.CountAsync(_db, sql);

    [Test]
    public async Task A_failure_whose_retry_job_the_scheduler_never_stored_is_retried_by_the_sweep_once_due()
    {
        var definition = Definition("lost_retry");
        var worker = Worker(FirstStages(new FailOnce()));
        // The scheduler's store is down when the retry job is scheduled: only pipeline_runs knows of the retry.
        var driver = new RunDriver(worker, Settings, (_, _, _) => throw new NpgsqlException("the scheduler's store is down"));

        var run = await driver.DriveFiringAsync(definition, "manual", "firing-lost-retry", CancellationToken.None);
        Assert.That(await Count($"select count(*) from pipeline_runs where run_id = {run} and status = 'failed' and attempts = 1 and retry_at is not null"), Is.EqualTo(1),
            "the retry is stored with the failure");
        Assert.That(_log, Has.Some.Contains("could not store the retry job"));

        await SweepUntilSucceededAsync(driver, worker, Poll, run);
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select attempts from pipeline_runs where run_id = {run}"), Is.EqualTo(2));
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and stage = 'snapshot' and status = 'failed' and attempt = 1"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and stage = 'snapshot' and status = 'succeeded' and attempt = 2"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and stage = 'content'"), Is.EqualTo(1), "the retry resumes at the failed stage");
            Assert.That(_log, Has.Some.Contains($"(lost_retry): attempt 2 of 2 started (retry)"));
        });
        // The sweep leaves the retry to the scheduler's job until it is `grace` overdue; backoff 1 s, grace 1 s.
        var waited = await Count($"""
            select (extract(epoch from b.started_at - a.finished_at) * 1000)::bigint from stage_runs a join stage_runs b using (run_id, stage)
            where a.run_id = {run} and a.stage = 'snapshot' and a.attempt = 1 and b.attempt = 2
            """);
        TestContext.Out.WriteLine($"the sweep started the retry {waited} ms after the failure (backoff 1 s, grace 1 s, poll 0.2 s)");
        Assert.That(waited, Is.GreaterThanOrEqualTo(2_000), "the retry waited for its backoff and the grace");
        // docs/pipeline.md's bound: due + grace + one poll; 3 s more for a loaded machine.
        Assert.That(waited, Is.LessThan(2_200 + 3_000), "the sweep started it within a poll of its grace");
    }

    [Test]
    public async Task A_running_run_whose_driver_died_is_left_alone_while_its_lease_lives_and_resumed_by_a_worker_that_starts()
    {
        var definition = Definition("dead_driver");
        var worker = Worker(FirstStages());
        var run = await worker.NewRunner().CreateRunAsync(definition, "manual", CancellationToken.None);
        // A driver that started attempt 1 and was mid-content when it went: its attempt row still says running.
        await RunAttempts.BeginAsync(_db, run, 1, definition.RetryBackoff, CancellationToken.None);
        await using (var dead = _db.CreateCommand($"insert into stage_runs (run_id, stage, attempt, status, worker) values ({run}, 'content', 1, 'running', 'gone/1')"))
        {
            await dead.ExecuteNonQueryAsync();
        }
        var driver = new RunDriver(worker, Settings, null);

        // While a live process holds the pipeline's lease (on a session of its own), no sweep touches the run.
        await using (var other = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Pooling = false }.ConnectionString))
        await using (var live = await PipelineLease.TryTakeAsync(other, definition.Name, CancellationToken.None))
        {
            Assert.That(live, Is.Not.Null);
            using var stop = new CancellationTokenSource(Poll * 5);
            await RunRecovery.RunAsync(driver, worker, Poll, Grace, stop.Token);
            Assert.That(await Count($"select count(*) from pipeline_runs where run_id = {run} and status = 'running' and attempts = 1"), Is.EqualTo(1), "a live driver's run is its own");
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run}"), Is.EqualTo(1));
        }

        // Its driver is gone: a worker that starts sweeps at once and resumes the run, spending an attempt.
        // A poll of 10 minutes: only the sweep a worker makes when it starts can do it.
        await SweepUntilSucceededAsync(driver, worker, TimeSpan.FromMinutes(10), run);
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select attempts from pipeline_runs where run_id = {run}"), Is.EqualTo(2), "the dead driver spent an attempt");
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and stage = 'content' and attempt = 1 and status = 'abandoned'"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and stage = 'content' and attempt = 2 and status = 'succeeded'"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and status = 'running'"), Is.Zero);
            Assert.That(_log, Has.Some.Contains("(dead_driver): attempt 2 of 2 started (recovered from a stopped worker)"));
        });
    }

    /// <summary>Runs a worker's sweep (from its start, then every <paramref name="poll"/>) until the run has succeeded.</summary>
    private async Task SweepUntilSucceededAsync(RunDriver driver, PipelineWorker worker, TimeSpan poll, long run)
    {
        using var stop = new CancellationTokenSource();
        var sweep = RunRecovery.RunAsync(driver, worker, poll, Grace, stop.Token);
        try
        {
            await Eventually.HoldsAsync(async () => await Count($"select count(*) from pipeline_runs where run_id = {run} and status = 'succeeded'") == 1,
                $"a sweep to finish run {run}", TimeSpan.FromMinutes(1));
        }
        finally
        {
            await stop.CancelAsync();
            await sweep;
        }
    }

    /// <summary>Whether the wrapped stage still has its one failure to give.</summary>
    private sealed class FailOnce
    {
        private int _failed;

        public bool Take() => Interlocked.Exchange(ref _failed, 1) == 0;
    }

    /// <summary>A real stage that throws the first time it runs.</summary>
    private sealed class FailingOnce(IPipelineStage inner, FailOnce control) : IPipelineStage
    {
        public string Name => inner.Name;

        public Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct) =>
            control.Take() ? throw new InvalidOperationException("planted failure") : inner.RunAsync(context, ct);
    }
}
