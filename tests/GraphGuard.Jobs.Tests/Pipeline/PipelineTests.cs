using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Storage.Pipeline;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Pipeline;

/// <summary>The whole pipeline on a small generated world: publication, re-runs, failures, resume, band changes, retention.</summary>
public sealed class PipelineTests
{
    private NpgsqlDataSource _db = null!;

    private static PipelineDefinition Definition(TrainPolicy train = TrainPolicy.OnLabelChange, int keep = 5) => TestPipeline.Definition(train, keep);

    [OneTimeSetUp]
    public async Task CopyWorld() => _db = await PipelineWorld.CopyAsync(nameof(PipelineTests));

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    private PipelineRunner Runner(IReadOnlyList<IPipelineStage>? stages = null) => new(_db, stages ?? PipelineStages.All(), "test/" + Environment.ProcessId);

    private async Task<PipelineRunResult> RunNewAsync(PipelineDefinition definition, IReadOnlyList<IPipelineStage>? stages = null)
    {
        var runner = Runner(stages);
        var runId = await runner.CreateRunAsync(definition, "manual", CancellationToken.None);
        return await runner.RunAsync(runId, definition, null, CancellationToken.None);
    }

    private Task<long> Count(string sql) => TestDatabase.CountAsync(_db, sql);

    [Test, Order(1)]
    public async Task The_whole_pipeline_publishes_a_score_for_every_account()
    {
        var result = await RunNewAsync(Definition());
        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
        var run = result.RunId;
        Assert.That(result.Stages.Select(s => s.Stage), Is.EqualTo(PipelineStages.Names));
        Assert.That(result.Stages.Select(s => s.Status), Is.All.EqualTo("succeeded"), "the first run trains: nothing is skipped");
        var accounts = await Count("select count(*) from accounts");
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select count(*) from risk_scores where run_id = {run}"), Is.EqualTo(accounts));
            Assert.That(await Count($"select count(*) from account_embeddings where run_id = {run}"), Is.EqualTo(accounts));
            Assert.That(await Count("select run_id from publications order by publication_id desc limit 1"), Is.EqualTo(run));
            Assert.That(await Count($"select count(*) from band_changes where old_band is null"), Is.EqualTo(accounts), "the first publication brings every account");
            Assert.That(await Count($"select count(*) from pipeline_runs where run_id = {run} and status = 'succeeded' and model_version is not null and window_to is not null"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from risk_models where run_id = {run}"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from detection_runs where pipeline_run_id = {run}"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from feature_runs where pipeline_run_id = {run}"), Is.EqualTo(2));
            Assert.That(await Count($"select count(*) from risk_scores where run_id = {run} and cardinality(reasons) > 0"), Is.GreaterThan(0));
            Assert.That(await Count($"select count(distinct band) from risk_scores where run_id = {run}"), Is.GreaterThan(1));
        });

        // A second delivery that reaches publish again (Hangfire delivers at least once) publishes nothing twice.
        var (publications, changes) = (await Count("select count(*) from publications"), await Count("select count(*) from band_changes"));
        var publish = PipelineStages.All().Single(s => s.Name == "publish");
        await publish.RunAsync(new StageContext { DataSource = _db, RunId = run, Definition = Definition(), Progress = new Progress<string>() }, CancellationToken.None);
        Assert.That((await Count("select count(*) from publications"), await Count("select count(*) from band_changes")), Is.EqualTo((publications, changes)));
    }

    [Test, Order(2)]
    public async Task Re_running_a_stage_replaces_its_own_output_and_leaves_the_others_untouched()
    {
        var result = await RunNewAsync(Definition());
        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
        var run = result.RunId;
        string[] others =
        [
            $"select count(*) || ':' || sum(feature_run_id) from feature_runs where pipeline_run_id = {run} and kind = 'graph'",
            $"select count(*) || ':' || coalesce(md5(string_agg(account_id || ',' || score || ',' || band, ';' order by account_id)), '') from risk_scores where run_id = {run}",
            $"select count(*) || ':' || coalesce(md5(string_agg(account_id || ',' || vals::text, ';' order by account_id)), '') from account_embeddings where run_id = {run}",
            $"select count(*) from publications",
        ];
        var before = await Fingerprints(others);
        var detectionBefore = await Count($"select detection_run_id from detection_runs where pipeline_run_id = {run}");
        var clustersBefore = await Count($"select count(*) from clusters join detection_runs using (detection_run_id) where pipeline_run_id = {run}");

        // The detect stage alone, in a fresh set of stages (nothing cached): it reads the run's window from the database.
        var detect = PipelineStages.All().Single(s => s.Name == "detect");
        var outcome = await detect.RunAsync(new StageContext { DataSource = _db, RunId = run, Definition = Definition(), Progress = new Progress<string>() }, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select count(*) from detection_runs where pipeline_run_id = {run}"), Is.EqualTo(1), "the old detection run is replaced, not kept beside");
            Assert.That(await Count($"select detection_run_id from detection_runs where pipeline_run_id = {run}"), Is.Not.EqualTo(detectionBefore));
            Assert.That(await Count($"select count(*) from clusters join detection_runs using (detection_run_id) where pipeline_run_id = {run}"), Is.EqualTo(clustersBefore).And.EqualTo(outcome.Rows));
            Assert.That(await Count($"select count(*) from feature_runs where pipeline_run_id = {run} and kind = 'detectors'"), Is.EqualTo(1));
            Assert.That(await Fingerprints(others), Is.EqualTo(before), "other stages' rows are untouched");
        });
    }

    [Test, Order(3)]
    public async Task A_failed_stage_leaves_the_previous_publication_and_the_run_resumes_from_it()
    {
        var published = await Count("select run_id from publications order by publication_id desc limit 1");
        var publications = await Count("select count(*) from publications");
        var failing = new FailingStage();
        var stages = PipelineStages.All().Select(s => s.Name == "score" ? new Failing(s, failing) : s).ToList();
        var runner = Runner(stages);
        var definition = Definition();
        var run = await runner.CreateRunAsync(definition, "manual", CancellationToken.None);
        var first = await runner.RunAsync(run, definition, null, CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(first.Status, Is.EqualTo(PipelineRunStatus.Failed));
            Assert.That(first.Error, Is.EqualTo("score: planted failure"));
            Assert.That(await Count($"select count(*) from pipeline_runs where run_id = {run} and status = 'failed' and error = 'score: planted failure'"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and stage = 'score' and status = 'failed' and error like '%planted failure%'"), Is.EqualTo(1));
            Assert.That(await Count("select run_id from publications order by publication_id desc limit 1"), Is.EqualTo(published));
            Assert.That(await Count("select count(*) from publications"), Is.EqualTo(publications));
            Assert.That(await Count($"select count(*) from publications where run_id = {run}"), Is.Zero);
        });
        var stagesBefore = await Count($"select count(*) from stage_runs where run_id = {run}");

        failing.Fail = false;
        var second = await runner.RunAsync(run, definition, null, CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(second.Status, Is.EqualTo(PipelineRunStatus.Succeeded), second.Error);
            Assert.That(second.Stages.TakeWhile(s => s.Stage != "score").Select(s => s.Earlier), Is.All.True, "stages before the failure are not run again");
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run}"), Is.EqualTo(stagesBefore + 5), "a second score attempt, the release, the review queue, the drift and the publish");
            Assert.That(await Count($"select max(attempt) from stage_runs where run_id = {run} and stage = 'score'"), Is.EqualTo(2));
            Assert.That(await Count($"select count(*) from pipeline_runs where run_id = {run} and status = 'succeeded' and error is null"), Is.EqualTo(1));
            Assert.That(await Count("select run_id from publications order by publication_id desc limit 1"), Is.EqualTo(run));
        });
    }

    [Test, Order(4)]
    public async Task A_running_attempt_whose_lock_is_free_is_abandoned_and_a_live_lock_makes_the_run_busy()
    {
        var runner = Runner();
        var definition = Definition();
        var run = await runner.CreateRunAsync(definition, "manual", CancellationToken.None);
        // A worker that died mid-snapshot: its row says running, but nobody holds the lock.
        await using (var dead = _db.CreateCommand($"insert into stage_runs (run_id, stage, attempt, status, worker) values ({run}, 'snapshot', 1, 'running', 'gone/1')"))
        {
            await dead.ExecuteNonQueryAsync();
        }
        // A live worker holding the lock of the graph_features stage.
        // Not pooled: closing it ends the session, as a worker's exit does (a pooled one would keep the lock).
        await using var live = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Pooling = false }.ConnectionString);
        await live.OpenAsync();
        await using (var take = new NpgsqlCommand("select pg_advisory_lock(hashtextextended($1, 0))", live) { Parameters = { new() { Value = StageClaim.LockName(run, "graph_features") } } })
        {
            await take.ExecuteNonQueryAsync();
        }
        var busy = await runner.RunAsync(run, definition, null, CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(busy.Status, Is.EqualTo(PipelineRunStatus.Busy));
            Assert.That(busy.Stages.Select(s => (s.Stage, s.Status)), Is.EqualTo(new[] { ("content", "succeeded"), ("snapshot", "succeeded"), ("graph_features", "busy") }));
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and stage = 'snapshot' and attempt = 1 and status = 'abandoned'"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and stage = 'snapshot' and attempt = 2 and status = 'succeeded'"), Is.EqualTo(1));
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run} and stage = 'graph_features'"), Is.Zero, "a busy stage is not touched");
        });
        await live.CloseAsync();
        // The server drops a closed session's locks as its backend exits, a moment after the client closed.
        await Eventually.HoldsAsync(
            async () => await Count("select count(*) from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())") == 0,
            "the closed session's advisory locks to go", TimeSpan.FromSeconds(5));
        var done = await runner.RunAsync(run, definition, null, CancellationToken.None);
        Assert.That(done.Status, Is.EqualTo(PipelineRunStatus.Succeeded), done.Error);
    }

    [Test, Order(5)]
    public async Task Two_runners_on_one_run_never_run_a_stage_twice()
    {
        var definition = Definition();
        var slow = new SlowStage();
        IReadOnlyList<IPipelineStage> Stages() => [.. PipelineStages.All().Select(s => s.Name == "graph_features" ? new Slow(s, slow) : s)];
        var (a, b) = (Runner(Stages()), Runner(Stages()));
        var run = await a.CreateRunAsync(definition, "manual", CancellationToken.None);
        var results = await Task.WhenAll(
            Task.Run(() => a.RunAsync(run, definition, null, CancellationToken.None)),
            Task.Run(() => b.RunAsync(run, definition, null, CancellationToken.None)));
        // Whichever got busy finishes the run when it tries again.
        foreach (var r in results.Where(r => r.Status == PipelineRunStatus.Busy))
        {
            Assert.That((await Runner().RunAsync(run, definition, null, CancellationToken.None)).Status, Is.EqualTo(PipelineRunStatus.Succeeded));
        }
        Assert.Multiple(async () =>
        {
            Assert.That(results.Select(r => r.Status), Has.Some.EqualTo(PipelineRunStatus.Succeeded).Or.Some.EqualTo(PipelineRunStatus.Busy));
            Assert.That(slow.Runs, Is.EqualTo(1), "graph_features ran once");
            Assert.That(await Count($"select count(*) from stage_runs where run_id = {run}"), Is.EqualTo(PipelineStages.Names.Count), "one attempt per stage");
            Assert.That(await Count($"select count(*) from publications where run_id = {run}"), Is.EqualTo(1));
        });
    }

    [Test, Order(6)]
    public async Task Band_changes_are_exactly_the_band_differences_across_publishes_and_a_rollback()
    {
        var first = await RunNewAsync(Definition());
        var shifted = Definition() with { Bands = new BandPolicy([new Band("low", 0), new Band("high", 0.05)]) };
        var second = await RunNewAsync(shifted);
        Assert.That((first.Status, second.Status), Is.EqualTo((PipelineRunStatus.Succeeded, PipelineRunStatus.Succeeded)), first.Error + second.Error);
        var (a, b) = (await BandsAsync(first.RunId), await BandsAsync(second.RunId));
        Assert.That(await ChangesAsync(second.RunId, "publish"), Is.EquivalentTo(Differences(a, b)));
        Assert.That(Differences(a, b), Is.Not.Empty, "the shifted bands must move some accounts");

        await using var listener = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Pooling = false }.ConnectionString);
        await listener.OpenAsync();
        string? notified = null;
        listener.Notification += (_, e) => notified = e.Channel + ":" + e.Payload;
        await using (var listen = new NpgsqlCommand("listen graphguard_published", listener))
        {
            await listen.ExecuteNonQueryAsync();
        }
        var rollback = await GraphGuard.Storage.Pipeline.PublicationStore.PublishAsync(_db, first.RunId, rollback: true, "test", CancellationToken.None);
        await listener.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Multiple(async () =>
        {
            Assert.That(rollback.PreviousRunId, Is.EqualTo(second.RunId));
            Assert.That(await ChangesAsync(first.RunId, "rollback"), Is.EquivalentTo(Differences(b, a)));
            Assert.That(notified, Is.EqualTo($"graphguard_published:{first.RunId}"));
            Assert.That(await Count("select run_id from publications order by publication_id desc limit 1"), Is.EqualTo(first.RunId));
            Assert.That(() => GraphGuard.Storage.Pipeline.PublicationStore.PublishAsync(_db, first.RunId, rollback: true, null, CancellationToken.None),
                Throws.InvalidOperationException.With.Message.Contains("already the published run"));
        });
    }

    [Test, Order(7)]
    public async Task Retention_keeps_the_newest_runs_deletes_failed_ones_and_prunes_published_ones()
    {
        var definition = Definition(keep: 2) with { Name = "retention" };
        var runs = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var result = await RunNewAsync(definition);
            Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
            runs.Add(result.RunId);
            if (i == 0)
            {
                var failed = await RunNewAsync(definition, [.. PipelineStages.All().Select(s => s.Name == "score" ? new Failing(s, new FailingStage()) : s)]);
                Assert.That(failed.Status, Is.EqualTo(PipelineRunStatus.Failed));
                runs.Add(failed.RunId);
            }
        }
        // runs: published, failed, published, published (newest). Keep 2: the newest two stay whole.
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select count(*) from pipeline_runs where run_id = {runs[1]}"), Is.Zero, "the failed run is deleted");
            Assert.That(await Count($"select count(*) from pipeline_runs where run_id = {runs[0]} and pruned_at is not null"), Is.EqualTo(1), "an old published run is pruned");
            Assert.That(await Count($"select count(*) from risk_scores where run_id = {runs[0]}"), Is.Zero);
            Assert.That(await Count($"select count(*) from detection_runs where pipeline_run_id = {runs[0]}"), Is.Zero);
            Assert.That(await Count($"select count(*) from pipeline_runs where run_id in ({runs[2]}, {runs[3]}) and pruned_at is null"), Is.EqualTo(2));
            Assert.That(await Count($"select count(*) from risk_scores where run_id = {runs[2]}"), Is.GreaterThan(0));
            Assert.That(await Count("select count(*) from pipeline_runs where pipeline = 'test' and pruned_at is null"), Is.GreaterThan(2), "another pipeline's runs are its own to keep");
            Assert.That(() => GraphGuard.Storage.Pipeline.PublicationStore.PublishAsync(_db, runs[0], rollback: true, null, CancellationToken.None),
                Throws.InvalidOperationException.With.Message.Contains("pruned"));
            Assert.That(() => GraphGuard.Storage.Pipeline.PublicationStore.PublishAsync(_db, runs[1], rollback: true, null, CancellationToken.None),
                Throws.InvalidOperationException.With.Message.Contains("no pipeline run"));
        });
    }

    private async Task<Dictionary<int, string>> BandsAsync(long run)
    {
        var bands = new Dictionary<int, string>();
        await using var cmd = _db.CreateCommand($"select account_id, band from risk_scores where run_id = {run}");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            bands[reader.GetInt32(0)] = reader.GetString(1);
        }
        return bands;
    }

    private async Task<List<(int, string?, string?)>> ChangesAsync(long run, string kind)
    {
        var changes = new List<(int, string?, string?)>();
        await using var cmd = _db.CreateCommand($"""
            select account_id, old_band, new_band from band_changes
            where publication_id = (select max(publication_id) from publications where run_id = {run} and kind = '{kind}')
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            changes.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }
        return changes;
    }

    private static List<(int, string?, string?)> Differences(Dictionary<int, string> from, Dictionary<int, string> to) =>
        [.. from.Keys.Union(to.Keys).Select(k => (k, from.GetValueOrDefault(k), to.GetValueOrDefault(k))).Where(c => c.Item2 != c.Item3)];

    private async Task<string[]> Fingerprints(string[] queries)
    {
        var values = new List<string>();
        foreach (var q in queries)
        {
            await using var cmd = _db.CreateCommand(q);
            values.Add(Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        return [.. values];
    }

    private sealed class FailingStage
    {
        public bool Fail { get; set; } = true;
    }

    /// <summary>A real stage that throws first while told to.</summary>
    private sealed class Failing(IPipelineStage inner, FailingStage control) : IPipelineStage
    {
        public string Name => inner.Name;

        public Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct) =>
            control.Fail ? throw new InvalidOperationException("planted failure") : inner.RunAsync(context, ct);
    }

    private sealed class SlowStage
    {
        private int _runs;

        public int Runs => _runs;

        public void Count() => Interlocked.Increment(ref _runs);
    }

    /// <summary>A real stage that takes a second longer, so two runners meet on it.</summary>
    private sealed class Slow(IPipelineStage inner, SlowStage counter) : IPipelineStage
    {
        public string Name => inner.Name;

        public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
        {
            counter.Count();
            await Task.Delay(1000, ct);
            return await inner.RunAsync(context, ct);
        }
    }
}
