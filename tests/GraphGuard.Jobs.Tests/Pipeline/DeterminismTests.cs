using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Pipeline;

/// <summary>
/// Enforcement pulls band changes from the changes feed, so a run over unchanged data with an unchanged model
/// must publish exactly the scores of the run before it: every stage's output bit for bit, no band change.
/// </summary>
public sealed class DeterminismTests
{
    private NpgsqlDataSource _db = null!;

    // Big enough (about 65,000 graph nodes) that the parallel passes over the graph split into several
    // ranges: on the 3,000-account world they ran as one and the runs agreed even when ordering was left to chance.
    [OneTimeSetUp]
    public async Task CopyWorld() => _db = await PipelineWorld.CopyAsync(nameof(DeterminismTests), accounts: 10_000);

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    private static PipelineDefinition Definition(TrainPolicy train) => TestPipeline.Definition(train);

    private async Task<PipelineRunResult> RunNewAsync(PipelineDefinition definition)
    {
        // A fresh set of stages per run, as a new `graphguard run` process would have: nothing cached between them.
        var runner = new PipelineRunner(_db, PipelineStages.All(), "test/" + Environment.ProcessId);
        var runId = await runner.CreateRunAsync(definition, "manual", CancellationToken.None);
        var result = await runner.RunAsync(runId, definition, null, CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
        return result;
    }

    private Task<long> Count(string sql) => TestDatabase.CountAsync(_db, sql);

    [Test]
    public async Task Runs_on_the_same_data_and_model_give_bit_identical_scores_and_no_band_changes()
    {
        var first = (await RunNewAsync(Definition(TrainPolicy.Always))).RunId;
        // Two more runs that score with the first one's model: each one a fresh chance for thread timing to show.
        foreach (var attempt in new[] { "second", "third" })
        {
            var result = await RunNewAsync(Definition(TrainPolicy.OnLabelChange));
            Assert.That(result.Stages.Single(s => s.Stage == "train").Status, Is.EqualTo("skipped"), "labels are unchanged: the run scores with the first one's model");
            await AssertSameOutputsAsync(first, result.RunId, attempt);
        }

        // The score stage alone in a fresh process reads the stored embedding instead of the one in memory.
        var last = await Count("select max(run_id) from pipeline_runs");
        var score = PipelineStages.All().Single(s => s.Name == "score");
        await score.RunAsync(new StageContext { DataSource = _db, RunId = last, Definition = Definition(TrainPolicy.OnLabelChange), Progress = new Progress<string>() }, CancellationToken.None);
        await AssertSameOutputsAsync(first, last, "re-scored");
    }

    private async Task AssertSameOutputsAsync(long first, long run, string attempt)
    {
        var accounts = await Count("select count(*) from accounts");
        Assert.Multiple(async () =>
        {
            // Stage by stage, so a failure says where the runs first part.
            foreach (var kind in new[] { "graph", "detectors" })
            {
                Assert.That(await Count($"""
                    select count(*) from account_features a
                    join feature_runs fa on fa.feature_run_id = a.feature_run_id and fa.pipeline_run_id = {first} and fa.kind = '{kind}'
                    join feature_runs fb on fb.pipeline_run_id = {run} and fb.kind = '{kind}'
                    join account_features b on b.feature_run_id = fb.feature_run_id and b.account_id = a.account_id
                    where fa.names = fb.names and a.vals::text = b.vals::text
                    """), Is.EqualTo(accounts), $"{kind} features of the {attempt} run differ from the first's");
            }
            Assert.That(await Count($"""
                select count(*) from account_embeddings a join account_embeddings b using (account_id)
                where a.run_id = {first} and b.run_id = {run} and a.vals::text = b.vals::text
                """), Is.EqualTo(accounts), $"embeddings of the {attempt} run differ from the first's");
            Assert.That(await Count($"""
                select count(*) from risk_scores a join risk_scores b using (account_id)
                where a.run_id = {first} and b.run_id = {run}
                  and float4send(a.score) = float4send(b.score) and float4send(a.margin) = float4send(b.margin)
                  and a.band = b.band and a.reasons = b.reasons
                """), Is.EqualTo(accounts), $"risk scores of the {attempt} run differ from the first's");
            Assert.That(await Count($"""
                select count(*) from band_changes c join publications p using (publication_id) where p.run_id = {run}
                """), Is.Zero, $"the {attempt} publication changes no band");
        });
    }
}
