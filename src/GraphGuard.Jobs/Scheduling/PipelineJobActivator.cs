using Hangfire;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>Hands Hangfire's workers a <see cref="PipelineJob"/> over this worker's <see cref="RunDriver"/>.</summary>
internal sealed class PipelineJobActivator(RunDriver driver) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(PipelineJob) ? new PipelineJob(driver) : base.ActivateJob(jobType);
}
