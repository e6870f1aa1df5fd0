using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Scheduling;

namespace GraphGuard.Jobs.Tests.Pipeline;

/// <summary>The pipeline definition the pipeline fixtures run: the daily bands, a train policy and retention of their choice.</summary>
internal static class TestPipeline
{
    public static PipelineDefinition Definition(TrainPolicy train = TrainPolicy.OnLabelChange, int keep = 5) =>
        PipelineDefinitionFile.Parse("jobs/test.json", "test", """
            {"cron": "0 0 3 * * ?", "bands": [{"name": "low", "min": 0}, {"name": "medium", "min": 0.2}, {"name": "high", "min": 0.5}, {"name": "critical", "min": 0.9}]}
            """) with { Train = train, KeepRuns = keep };
}
