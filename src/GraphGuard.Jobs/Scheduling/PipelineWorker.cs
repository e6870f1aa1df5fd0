using GraphGuard.Jobs.Pipeline;
using Npgsql;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>What a worker hands the runs it drives: the store, the runner, and where log lines go.</summary>
/// <param name="DataSource">The GraphGuard database.</param>
/// <param name="NewRunner">A runner with a fresh set of stages, one per run driven (stages cache their run in process).</param>
/// <param name="Log">One line per event (run and stage start and end, retries); called from several threads.</param>
public sealed record PipelineWorker(NpgsqlDataSource DataSource, Func<PipelineRunner> NewRunner, Action<string> Log)
{
    /// <summary>What <c>graphguard worker</c> drives runs with: every stage of the pipeline, in this process's name.</summary>
    public static PipelineWorker AllStages(NpgsqlDataSource dataSource, Action<string> log) =>
        new(dataSource, () => new PipelineRunner(dataSource, PipelineStages.All(), PipelineRunner.ThisProcess), log);
}
