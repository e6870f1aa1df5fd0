using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Tests.Pipeline;
using GraphGuard.Storage.Drift;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Drift;

/// <summary>The drift stage on the small generated world: the first run is the reference, a second run over the same data is stable.</summary>
public sealed class DriftStageTests
{
    private NpgsqlDataSource _db = null!;
    private long _first;
    private long _second;

    [OneTimeSetUp]
    public async Task RunTwice()
    {
        _db = await PipelineWorld.CopyAsync(nameof(DriftStageTests));
        _first = await RunAsync();
        _second = await RunAsync();
    }

    [OneTimeTearDown]
    public async Task Close() => await _db.DisposeAsync();

    private async Task<long> RunAsync()
    {
        var runner = new PipelineRunner(_db, PipelineStages.All(), "test/" + Environment.ProcessId);
        var run = await runner.CreateRunAsync(TestPipeline.Definition(), "manual", CancellationToken.None);
        var result = await runner.RunAsync(run, TestPipeline.Definition(), null, CancellationToken.None);
        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
        return run;
    }

    [Test]
    public async Task The_first_run_keeps_a_profile_of_every_input_and_the_scores_and_has_nothing_to_compare_with()
    {
        var report = await DriftStore.ReadAsync(_db, _first);
        Assert.That(report, Is.Not.Null);
        Assert.Multiple(async () =>
        {
            Assert.That(report!.ReferenceRunId, Is.Null);
            Assert.That(report.Measures, Is.Empty);
            Assert.That(report.Clusters, Is.Positive);
            Assert.That(await TestDatabase.CountAsync(_db, $"select count(*) from drift_profiles where run_id = {_first} and variable = 'score' and rows = 3000"), Is.EqualTo(1));
            Assert.That(await TestDatabase.CountAsync(_db, $"select count(*) from drift_profiles where run_id = {_first}"), Is.GreaterThan(10));
        });
    }

    [Test]
    public async Task A_second_run_over_the_same_data_is_measured_against_the_model_s_run_and_is_stable()
    {
        var report = (await DriftStore.ReadAsync(_db, _second))!;
        Assert.Multiple(async () =>
        {
            Assert.That(report.ReferenceRunId, Is.EqualTo(_first), "the run that trained the serving model");
            Assert.That(report.ReferenceRows, Is.EqualTo(3000));
            Assert.That(report.Measures.Select(m => m.Variable), Does.Contain("score"));
            Assert.That(report.Measures.Count, Is.EqualTo(await TestDatabase.CountAsync(_db, $"select count(*) from drift_profiles where run_id = {_first}")));
            Assert.That(report.Measures.Select(m => m.Level), Is.All.EqualTo("stable"), string.Join(", ", report.Measures.Where(m => m.Level != "stable")));
            Assert.That(report.Measures.Max(m => m.Psi), Is.LessThan(0.01), "the same data gives the same distributions");
            Assert.That((report.ReferenceClusters, report.Clusters), Is.EqualTo((report.Clusters, report.Clusters)));
            Assert.That(report.QueueItems, Is.EqualTo(await TestDatabase.CountAsync(_db, $"select count(*) from review_items where run_id = {_first}")), "the previous run's queue");
        });
    }
}
