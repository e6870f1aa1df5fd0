using GraphGuard.Core.Review;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Tests.Pipeline;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Review;

/// <summary>The review_queue stage on the small generated world: within budget, one item per cluster, the random slice per band, why for each.</summary>
public sealed class ReviewQueueStageTests
{
    private const int Budget = 60;
    private NpgsqlDataSource _db = null!;
    private long _run;

    private static PipelineDefinition Definition() => TestPipeline.Definition() with { Review = new ReviewQueueOptions { Budget = Budget, RandomShare = 0.1 } };

    [OneTimeSetUp]
    public async Task RunThePipeline()
    {
        _db = await PipelineWorld.CopyAsync(nameof(ReviewQueueStageTests));
        var runner = new PipelineRunner(_db, PipelineStages.All(), "test/" + Environment.ProcessId);
        _run = await runner.CreateRunAsync(Definition(), "manual", CancellationToken.None);
        var result = await runner.RunAsync(_run, Definition(), null, CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
    }

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    private Task<long> Count(string sql) => TestDatabase.CountAsync(_db, sql);

    private async Task<string> Text(string sql)
    {
        await using var cmd = _db.CreateCommand(sql);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    [Test]
    public async Task The_queue_fills_the_budget_with_one_item_per_cluster_and_a_random_slice_per_band()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(await Count($"select count(*) from review_items where run_id = {_run}"), Is.EqualTo(Budget));
            Assert.That(await Count($"select count(*) from review_items where run_id = {_run} and kind = 'random'"), Is.EqualTo(6));
            Assert.That(await Count($"select count(*) from review_items where run_id = {_run} and cluster_id is not null"), Is.GreaterThan(0), "the world's campaigns are queued as clusters");
            Assert.That(await Count($"select count(*) - count(distinct cluster_id) from review_items where run_id = {_run} and cluster_id is not null"), Is.Zero, "one representative per cluster");
            Assert.That(await Count($"""
                select count(*) from review_items i join cluster_members m on m.account_id = i.account_id
                join clusters c on c.cluster_id = m.cluster_id join detection_runs d on d.detection_run_id = c.detection_run_id
                where i.run_id = {_run} and d.pipeline_run_id = {_run} and i.kind = 'uncertain' and i.cluster_id is null
                """), Is.Zero, "an uncertain member of a cluster stands for its cluster");
            Assert.That(await Count($"select count(distinct stratum) from review_items where run_id = {_run} and kind = 'random'"),
                Is.EqualTo(await Count($"select least(6, count(distinct band)) from risk_scores where run_id = {_run}")), "the random slice covers the bands");
            Assert.That(await Count($"select count(*) from review_items where run_id = {_run} and why = ''"), Is.Zero);
            Assert.That(await Count($"""
                select count(*) from review_items i join risk_scores s on s.run_id = i.run_id and s.account_id = i.account_id
                where i.run_id = {_run} and (s.band <> i.stratum or s.score <> i.score)
                """), Is.Zero);
        });
    }

    [Test]
    public async Task Uncertain_items_lie_nearer_a_boundary_than_the_accounts_left_out()
    {
        // The farthest uncertain account from a boundary (0.2, 0.5, 0.9) is no farther than any unqueued account outside the queued clusters.
        const string distance = "least(abs(score - 0.2), abs(score - 0.5), abs(score - 0.9))";
        var worst = await Count($"select ceil(max({distance}) * 1e6) from review_items where run_id = {_run} and kind = 'uncertain'");
        var closer = await Count($"""
            select count(*) from risk_scores s where s.run_id = {_run} and floor({distance.Replace("score", "s.score")} * 1e6) < {worst} - 1
            and not exists (select 1 from review_items i where i.run_id = {_run} and i.account_id = s.account_id)
            and not exists (select 1 from cluster_members m join review_items i on i.cluster_id = m.cluster_id where i.run_id = {_run} and m.account_id = s.account_id)
            """);
        Assert.That(closer, Is.Zero);
    }

    [Test]
    public async Task Running_the_stage_again_writes_the_same_queue()
    {
        const string fingerprint = "select md5(string_agg(position || ',' || account_id || ',' || coalesce(cluster_id, 0) || ',' || kind || ',' || why, ';' order by position)) from review_items where run_id = ";
        var before = await Text(fingerprint + _run);
        var stage = PipelineStages.All().Single(s => s.Name == "review_queue");
        var outcome = await stage.RunAsync(new StageContext { DataSource = _db, RunId = _run, Definition = Definition(), Progress = new Progress<string>() }, CancellationToken.None);
        Assert.That(outcome.Rows, Is.EqualTo(Budget));
        Assert.That(await Text(fingerprint + _run), Is.EqualTo(before));
    }
}
