using GraphGuard.Jobs.Pipeline;
using Npgsql;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>What a worker node hands the <see cref="PipelineJob"/>s it fires: the store, the runner, and where log lines go.</summary>
/// <param name="DataSource">The GraphGuard database.</param>
/// <param name="NewRunner">A runner with a fresh set of stages, one per firing (stages cache their run in process).</param>
/// <param name="Log">One line per event (run and stage start and end, retries); called from job threads.</param>
public sealed record PipelineWorker(NpgsqlDataSource DataSource, Func<PipelineRunner> NewRunner, Action<string> Log);
