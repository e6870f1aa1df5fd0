using GraphGuard.Core.Review;
using GraphGuard.Core.Synthetic;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Tests.Pipeline;
using GraphGuard.Storage.Drift;
using GraphGuard.Storage.Ingest;
using GraphGuard.Storage.Review;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Feedback;

/// <summary>
/// The feedback loop end to end on the small generated world: a run fills the review queue; analysts decide its random
/// slice as the world's truth says; each band's precision interval covers the band's true precision; the world then
/// shifts (the generator's profile shift, ingested over it) and the next run's drift flags the shifted inputs only.
/// </summary>
public sealed class FeedbackLoopTests
{
    private const int Budget = 200;
    private NpgsqlDataSource _db = null!;
    private HashSet<string> _abusive = null!;
    private long _first;

    private static PipelineDefinition Definition() => TestPipeline.Definition() with { Review = new ReviewQueueOptions { Budget = Budget, RandomShare = 0.5 } };

    [OneTimeSetUp]
    public async Task RunOnce()
    {
        _db = await PipelineWorld.CopyAsync(nameof(FeedbackLoopTests));
        _abusive = [.. PipelineWorld.AbusiveAccounts()];
        _first = await RunAsync();
    }

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    private Task<long> Count(string sql) => TestDatabase.CountAsync(_db, sql);

    private async Task<long> RunAsync()
    {
        var runner = new PipelineRunner(_db, PipelineStages.All(), "test/" + Environment.ProcessId);
        var run = await runner.CreateRunAsync(Definition(), "manual", CancellationToken.None);
        var result = await runner.RunAsync(run, Definition(), null, CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
        return run;
    }

    [Test, Order(1)]
    public async Task The_queue_fills_within_budget_and_reviews_each_cluster_once()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select count(*) from review_items where run_id = {_first}"), Is.InRange(1, Budget));
            Assert.That(await Count($"select count(*) - count(distinct cluster_id) from review_items where run_id = {_first} and cluster_id is not null"), Is.Zero);
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
            decide.Parameters.Add(new NpgsqlParameter { Value = _abusive.ToArray() });
            await decide.ExecuteNonQueryAsync();
        }
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
    public async Task A_population_shift_raises_psi_above_a_quarter_on_the_shifted_inputs_only()
    {
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
        var second = await RunAsync();
        var drift = (await DriftStore.ReadAsync(_db, second))!;
        var inputs = drift.Measures.Where(m => m.Variable != "score").ToList();
        var shifted = inputs.Where(m => m.Psi > 0.25).Select(m => m.Variable).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(drift.ReferenceRunId, Is.EqualTo(_first));
            Assert.That(shifted, Is.Not.Empty);
            Assert.That(shifted, Has.All.Contains("bio_length").Or.Contains("display_name_digits"), string.Join(", ", inputs.Take(6).Select(m => $"{m.Variable} {m.Psi:0.000}")));
            Assert.That(inputs.Where(m => m.Variable.Contains("bio_length", StringComparison.Ordinal)).Select(m => m.Level), Is.All.EqualTo("shift"));
        });
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
        cmd.Parameters.Add(new NpgsqlParameter { Value = _abusive.ToArray() });
        return (double)(await cmd.ExecuteScalarAsync())!;
    }
}
