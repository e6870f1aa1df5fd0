using GraphGuard.Core.Features;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Pipeline.Stages;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Features;
using GraphGuard.Storage.Pipeline;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Detection;
using GraphGuard.Workflows.Features;
using GraphGuard.Workflows.Progress;
using GraphGuard.Workflows.Risk;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Pipeline;

/// <summary>
/// One feature definition: for the same window, the workflows behind <c>graph features</c>, <c>detect</c> and
/// <c>train</c>/<c>score</c>/<c>eval --world</c> (<see cref="RiskInputs.LoadAsync"/>) compute exactly the values
/// the pipeline's stages stored and scored with, bit for bit, account by account.
/// </summary>
public sealed class FeatureDefinitionTests
{
    private NpgsqlDataSource _db = null!;
    private long _run;
    private SnapshotWindow _window = null!;

    [OneTimeSetUp]
    public async Task RunThePipeline()
    {
        _db = await PipelineWorld.CopyAsync(nameof(FeatureDefinitionTests));
        var runner = new PipelineRunner(_db, PipelineStages.All(), "test/" + Environment.ProcessId);
        var definition = TestPipeline.Definition();
        _run = await runner.CreateRunAsync(definition, "manual", CancellationToken.None);
        var result = await runner.RunAsync(_run, definition, null, CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
        var (from, to) = await RunOutputs.WindowAsync(_db, _run);
        _window = new SnapshotWindow(from, to);
    }

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    [Test]
    public async Task Graph_features_verb_computes_the_pipelines_graph_features()
    {
        var stored = await FeatureStore.ReadForPipelineRunAsync(_db, _run, PipelineStages.GraphFeaturesKind);
        var (_, computed) = await GraphFeatureRun.ComputeAsync(_db, _window);
        AssertSame(computed, stored);
    }

    [Test]
    public async Task Detect_verb_computes_the_pipelines_detector_features()
    {
        var stored = await FeatureStore.ReadForPipelineRunAsync(_db, _run, ClusterStore.DetectorFeaturesKind);
        var outcome = await DetectionWorkflow.RunAsync(_db, _window, _ => { });
        AssertSame(outcome.Report.Features, stored);
    }

    [Test]
    public async Task Train_score_and_eval_build_the_risk_input_the_pipeline_scored()
    {
        using var cache = new RunCache();
        var context = new StageContext { DataSource = _db, RunId = _run, Definition = TestPipeline.Definition(), Progress = new Progress<string>() };
        var pipeline = await cache.RiskInputAsync(context, CancellationToken.None);
        var (input, _) = await RiskInputs.LoadAsync(_db, _window, new StageLog("test", null));
        using (input.Relations)
        {
            AssertSame(input.Features, pipeline.Features);
            Assert.That(input.Labels, Is.EqualTo(pipeline.Labels));
        }
    }

    [Test]
    public async Task Features_are_the_same_however_often_the_window_is_read()
    {
        using var first = await FeaturePolicy.LoadAsync(_db, _window);
        using var second = await FeaturePolicy.LoadAsync(_db, _window);
        Assert.That(first.AgeReference, Is.EqualTo(_window.To), "ages are measured at the window's end, not at the clock's now");
        AssertSame(first.GraphFeatures(), second.GraphFeatures());
    }

    /// <summary>Same columns in the same order, and for every account the same values bit for bit.</summary>
    private static void AssertSame(FeatureMatrix actual, FeatureMatrix expected)
    {
        Assert.That(actual.Names, Is.EqualTo(expected.Names));
        Assert.That(actual.AccountIds.Order(), Is.EqualTo(expected.AccountIds.Order()));
        var rowOf = expected.AccountIds.Select((id, row) => (id, row)).ToDictionary(p => p.id, p => p.row);
        var differing = Enumerable.Range(0, actual.RowCount)
            .Where(r => !actual.Row(r).SequenceEqual(expected.Row(rowOf[actual.AccountIds[r]])))
            .Select(r => actual.AccountIds[r]).Take(5).ToList();
        Assert.That(differing, Is.Empty, "accounts whose feature values differ");
    }
}
