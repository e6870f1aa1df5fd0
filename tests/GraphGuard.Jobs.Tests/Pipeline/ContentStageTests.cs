using GraphGuard.Jobs.Pipeline;
using GraphGuard.Testing;
using GraphGuard.Workflows.Content;

namespace GraphGuard.Jobs.Tests.Pipeline;

/// <summary>The content stage: the saved text classifiers score all content before the run's snapshot reads it.</summary>
public sealed class ContentStageTests
{
    [Test]
    public async Task Saved_models_score_all_content_and_the_runs_detectors_read_the_scores()
    {
        await using var db = await PipelineWorld.CopyAsync(nameof(ContentStageTests));
        var folder = Directory.CreateTempSubdirectory("graphguard-content-").FullName;
        try
        {
            var cards = await ContentModelTraining.TrainAsync(db, folder);
            Assert.That(cards.Select(c => c.Label), Does.Contain("spam"), "the generator's reviewers call enough posts spam");

            var definition = TestPipeline.Definition();
            var runner = new PipelineRunner(db, PipelineStages.All(folder), "test/" + Environment.ProcessId);
            var run = await runner.CreateRunAsync(definition, "manual", CancellationToken.None);
            var result = await runner.RunAsync(run, definition, null, CancellationToken.None);

            Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
            var texts = await TestDatabase.CountAsync(db, "select count(*) from content where text is not null");
            Assert.That(result.Stages[0], Has.Property("Stage").EqualTo("content").And.Property("Rows").EqualTo(texts * cards.Count));
            Assert.That(await TestDatabase.CountAsync(db, "select count(*) from content_scores where label = 'spam'"), Is.EqualTo(texts));
            Assert.That(await TestDatabase.CountAsync(db,
                $"select count(*) from feature_runs where pipeline_run_id = {run} and 'content_gg_spam_mean' = any(names)"),
                Is.GreaterThan(0), "the detect stage's features include our spam model's aggregates");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Without_saved_models_the_stage_says_so_and_the_run_goes_on()
    {
        await using var db = await PipelineWorld.CopyAsync(nameof(ContentStageTests) + "_none");
        var definition = TestPipeline.Definition();
        var runner = new PipelineRunner(db, PipelineStages.All(Path.Combine(Path.GetTempPath(), "graphguard-no-models-" + Guid.NewGuid())), "test/" + Environment.ProcessId);
        var run = await runner.CreateRunAsync(definition, "manual", CancellationToken.None);
        var result = await runner.RunAsync(run, definition, null, CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(PipelineRunStatus.Succeeded), result.Error);
        Assert.That((result.Stages[0].Stage, result.Stages[0].Rows), Is.EqualTo(("content", 0L)));
        Assert.That(await TestDatabase.CountAsync(db, "select count(*) from content_scores"), Is.Zero);
    }
}
