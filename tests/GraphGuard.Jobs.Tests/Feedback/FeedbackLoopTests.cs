using GraphGuard.Core.Review;
using GraphGuard.Core.Synthetic;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Tests.Pipeline;
using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Release;
using GraphGuard.Storage.Drift;
using GraphGuard.Storage.Ingest;
using GraphGuard.Storage.Models;
using GraphGuard.Storage.Review;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Feedback;

/// <summary>
/// The feedback loop end to end on the small generated world, three real pipeline runs with analysts' decisions (the
/// world's truth) in between. Run 1: the review queue fills within its budget, one item per cluster; its model is released
/// with no champion to beat; analysts decide the random slice, and each band's precision interval covers the band's true
/// precision. Run 2: a third of the other accounts get the opposite of their true label, so the challenger learns
/// backwards; on the held-out reviewed labels it is worse, it is refused, and the run publishes the champion's scores with
/// the reason recorded. Run 3: the poison is gone, a fifth of the accounts get their true label, and the population shifts
/// (the generator's profile shift, ingested over the world): the challenger is released, and drift flags the shifted
/// inputs only.
/// </summary>
public sealed class FeedbackLoopTests
{
    private const int Budget = 200;
    private NpgsqlDataSource _db = null!;
    private string[] _abusive = null!;
    private long _first;
    private string _champion = null!;
    private long _refused;

    private static PipelineDefinition Definition() => TestPipeline.Definition() with
    {
        Review = new ReviewQueueOptions { Budget = Budget, RandomShare = 0.5 },
        Release = new ReleasePolicy { Tolerance = 0.05, MinimumLabels = 10 },
    };

    [OneTimeSetUp]
    public async Task RunOnce()
    {
        _db = await PipelineWorld.CopyAsync(nameof(FeedbackLoopTests));
        _abusive = PipelineWorld.AbusiveAccounts();
        _first = await RunAsync();
        _champion = await Text($"select model_version from pipeline_runs where run_id = {_first}");
    }

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    private Task<long> Count(string sql) => TestDatabase.CountAsync(_db, sql);

    private async Task<string> Text(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<long> RunAsync()
    {
        var runner = new PipelineRunner(_db, PipelineStages.All(), "test/" + Environment.ProcessId);
        var run = await runner.CreateRunAsync(Definition(), "manual", CancellationToken.None);
        var result = await runner.RunAsync(run, Definition(), null, CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
        return run;
    }

    private async Task<string> ReasonAsync(long run) => await Text($"select coalesce((select reason from model_releases where run_id = {run}), 'no decision')");

    [Test, Order(1)]
    public async Task The_queue_fills_within_budget_reviews_each_cluster_once_and_the_first_model_is_released()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select count(*) from review_items where run_id = {_first}"), Is.InRange(1, Budget));
            Assert.That(await Count($"select count(*) - count(distinct cluster_id) from review_items where run_id = {_first} and cluster_id is not null"), Is.Zero);
            Assert.That(await Count($"select count(*) from model_releases where run_id = {_first} and released and champion is null and challenger = '{_champion}'"), Is.EqualTo(1),
                await ReasonAsync(_first));
        });
    }

    [Test, Order(2)]
    public async Task The_random_slices_precision_interval_covers_each_bands_true_precision()
    {
        await using (var decide = _db.CreateCommand("""
            with decided as (
                insert into analyst_decisions (account_id, label, note, author)
                select i.account_id, case when e.external_id = any($2) then 'abusive' else 'benign' end, 'reviewed', 'tester'
                from review_items i join entities e on e.id = i.account_id where i.run_id = $1 and i.kind = 'random'
                returning account_id, label, decided_at)
            insert into labels (account_id, label, source, ts) select account_id, label, 'analyst', decided_at from decided
            """))
        {
            decide.Parameters.Add(new NpgsqlParameter { Value = _first });
            decide.Parameters.Add(new NpgsqlParameter { Value = _abusive });
            await decide.ExecuteNonQueryAsync();
        }
        // The held-out labels are the decided random items that no model can have trained on: not those the world's labels file already labelled.
        var held = await ModelReleaseStore.HeldOutLabelsAsync(_db);
        var labelledElsewhere = await IdsAsync("select account_id from labels where source <> 'analyst'");
        var drawn = await IdsAsync($"select account_id from review_items where run_id = {_first} and kind = 'random'");
        Assert.Multiple(() =>
        {
            Assert.That(held.Keys, Is.EquivalentTo(drawn.Except(labelledElsewhere)));
            Assert.That(held.Keys.Intersect(labelledElsewhere), Is.Empty, "a label the champion may have trained on judges no model");
        });
        var measured = await RunPrecisionQuery.ReadAsync(_db, _first, []);
        foreach (var band in measured.Bands)
        {
            var truth = await TruePrecisionAsync(band.Band);
            Assert.That(band.Decided, Is.Positive, band.Band);
            Assert.That(truth, Is.InRange(band.Lower, band.Upper),
                $"band {band.Band}: {band.Abusive} of {band.Decided} decided abusive, interval {band.Lower:0.000}-{band.Upper:0.000}, true precision {truth:0.000} of {band.Accounts} accounts");
        }
    }

    [Test, Order(3)]
    public async Task A_challenger_trained_on_flipped_labels_is_refused_and_the_run_publishes_the_champions_scores_and_why()
    {
        Assert.That(await Count("select count(*) from labels where source = 'analyst'"), Is.GreaterThan(50), "held-out reviewed labels");
        // Every third account outside the held-out ones gets the opposite of its truth, newer than any other label: the challenger learns backwards.
        await Execute("""
            insert into labels (account_id, label, source, ts)
            select e.id, case when e.external_id = any($1) then 'benign' else 'abusive' end, 'poison', now() + interval '1 minute'
            from entities e where e.kind = 1 and e.id not in (select account_id from labels where source = 'analyst') and e.id % 3 = 0
            """);
        _refused = await RunAsync();
        var challenger = await Text($"select model_version from risk_models where run_id = {_refused}");
        var models = await ModelRegistry.ListAsync(_db);
        var refused = models.Single(m => m.Version == challenger);
        var published = await PublishedAuprcOnHeldOutAsync(_refused);
        Assert.Multiple(async () =>
        {
            Assert.That(challenger, Is.Not.EqualTo(_champion), "the run retrained");
            Assert.That(await Count($"select count(*) from model_releases where run_id = {_refused} and not released and champion = '{_champion}' and reason like 'refused%'"), Is.EqualTo(1),
                await ReasonAsync(_refused));
            Assert.That(await Count($"select count(*) from model_releases where run_id = {_refused} and challenger_auprc < champion_auprc - 0.05"), Is.EqualTo(1));
            Assert.That(await Text($"select model_version from pipeline_runs where run_id = {_refused}"), Is.EqualTo(_champion), "the run scored with the champion");
            Assert.That(await Count("select run_id from publications order by publication_id desc limit 1"), Is.EqualTo(_refused), "and published those scores");
            Assert.That(refused.Release!.Reason, Does.StartWith("refused: the challenger's"), "the registry says why");
            Assert.That(refused.Serving, Is.False);
            Assert.That(models.Single(m => m.Serving).Version, Is.EqualTo(_champion), "the champion still serves");
            Assert.That(published, Is.GreaterThan((refused.Release.ChallengerAuprc!.Value + refused.Release.ChampionAuprc!.Value) / 2),
                $"the published scores rank the held-out labels as the champion does ({refused.Release.ChampionAuprc:0.000}), not the challenger ({refused.Release.ChallengerAuprc:0.000})");
        });
    }

    [Test, Order(4)]
    public async Task After_a_population_shift_a_challenger_trained_on_more_true_labels_is_released_and_drift_flags_the_shifted_inputs_only()
    {
        await Execute("delete from labels where source = 'poison'");
        await Execute("""
            insert into labels (account_id, label, source, ts)
            select e.id, case when e.external_id = any($1) then 'abusive' else 'benign' end, 'audit', now()
            from entities e where e.kind = 1 and e.id not in (select account_id from labels where source = 'analyst') and e.id % 5 = 0
            """);
        var folder = Directory.CreateTempSubdirectory("graphguard-shifted-").FullName;
        try
        {
            using (var streams = WorldStreams.Open(file => new FileStream(Path.Combine(folder, file), FileMode.Create, FileAccess.Write)))
            {
                WorldGenerator.Generate(new WorldOptions { Accounts = 3_000, Seed = 17, ProfileShift = 3 }, streams, null, CancellationToken.None);
            }
            await new Ingestor(_db, new IngestOptions()).IngestAsync(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        var run = await RunAsync();
        var challenger = await Text($"select model_version from risk_models where run_id = {run}");
        var drift = (await DriftStore.ReadAsync(_db, run))!;
        var inputs = drift.Measures.Where(m => m.Variable != "score").ToList();
        var shifted = inputs.Where(m => m.Psi > 0.25).Select(m => m.Variable).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select count(*) from model_releases where run_id = {run} and released and champion = '{_champion}' and reason like 'released: not worse%'"), Is.EqualTo(1),
                await ReasonAsync(run));
            Assert.That(await Text($"select model_version from pipeline_runs where run_id = {run}"), Is.EqualTo(challenger), "the run publishes the challenger's scores");
            Assert.That(await Count($"select count(*) from risk_scores where run_id = {run}"), Is.EqualTo(3000));
            Assert.That((await ModelRegistry.ListAsync(_db)).Single(m => m.Serving).Version, Is.EqualTo(challenger), "the challenger serves now");

            Assert.That(drift.ReferenceRunId, Is.EqualTo(_refused), "a run that trained compares with the pipeline's previous run");
            Assert.That(shifted, Is.Not.Empty);
            Assert.That(shifted, Has.All.Contains("bio_length").Or.Contains("display_name_digits"), string.Join(", ", inputs.Take(6).Select(m => $"{m.Variable} {m.Psi:0.000}")));
            Assert.That(inputs.Where(m => m.Variable.Contains("bio_length", StringComparison.Ordinal)).Select(m => m.Level), Is.All.EqualTo("shift"));
            Assert.That(inputs.Select(m => m.ShiftAt), Is.All.EqualTo(0.25), "3,000 rows a window: the fixed thresholds");
        });
    }

    private async Task Execute(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        if (sql.Contains("$1", StringComparison.Ordinal))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = _abusive });
        }
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<HashSet<int>> IdsAsync(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        var ids = new HashSet<int>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt32(0));
        }
        return ids;
    }

    /// <summary>The AUPRC of the run's stored (published) scores on the held-out reviewed labels.</summary>
    private async Task<double> PublishedAuprcOnHeldOutAsync(long run)
    {
        var held = await ModelReleaseStore.HeldOutLabelsAsync(_db);
        var scores = new List<float>();
        var labels = new List<bool>();
        await using var cmd = _db.CreateCommand($"select account_id, score from risk_scores where run_id = {run}");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (held.TryGetValue(reader.GetInt32(0), out var abusive))
            {
                scores.Add(reader.GetFloat(1));
                labels.Add(abusive);
            }
        }
        return BinaryMetrics.AveragePrecision(scores.ToArray(), labels.ToArray());
    }

    /// <summary>The share of the band's accounts in the first run that the world's truth calls abusive.</summary>
    private async Task<double> TruePrecisionAsync(string band)
    {
        await using var cmd = _db.CreateCommand("""
            select avg(case when e.external_id = any($3) then 1.0 else 0.0 end)::double precision
            from risk_scores s join entities e on e.id = s.account_id where s.run_id = $1 and s.band = $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = _first });
        cmd.Parameters.Add(new NpgsqlParameter { Value = band });
        cmd.Parameters.Add(new NpgsqlParameter { Value = _abusive });
        return (double)(await cmd.ExecuteScalarAsync())!;
    }
}
