using System.Globalization;
using GraphGuard.Jobs.Pipeline;
using Quartz;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// The strings a pipeline job and its triggers carry (the store keeps job data as strings only): the
/// definition on the job, and on a trigger why it fired and, for a retry, which run and which attempt.
/// </summary>
public static class PipelineJobData
{
    /// <summary>The definition as JSON (<see cref="PipelineDefinitionFile.ToJson"/>), so any node can run the job.</summary>
    public const string Definition = "definition";

    /// <summary><c>schedule</c> (absent on cron firings), <c>manual</c> or <c>retry</c>.</summary>
    public const string Trigger = "trigger";

    public const string RunId = "run_id";

    /// <summary>Which attempt of the run this firing is, from 1.</summary>
    public const string Attempt = "attempt";

    public static JobDataMap ForJob(PipelineDefinition definition) => new() { [Definition] = PipelineDefinitionFile.ToJson(definition) };

    public static JobDataMap ForManual() => new() { [Trigger] = "manual" };

    public static JobDataMap ForRetry(long runId, int attempt) => new()
    {
        [Trigger] = "retry",
        [RunId] = runId.ToString(CultureInfo.InvariantCulture),
        [Attempt] = attempt.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The definition a job carries; <paramref name="job"/> names it in errors.</summary>
    public static PipelineDefinition DefinitionOf(JobKey job, JobDataMap data) =>
        PipelineDefinitionFile.Parse($"job {job}", job.Name, data.GetString(Definition) ?? throw new InvalidDataException($"job {job}: no '{Definition}' in its job data"));
}
