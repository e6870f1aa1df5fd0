using GraphGuard.Jobs.Pipeline;
using Npgsql;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>What a worker node hands the <see cref="PipelineJob"/>s it fires: the store, the runner, and where log lines go.</summary>
/// <param name="DataSource">The GraphGuard database.</param>
/// <param name="Runner">Runs and resumes pipeline runs as this worker.</param>
/// <param name="Log">One line per event (run and stage start and end, retries); called from job threads.</param>
public sealed record PipelineWorker(NpgsqlDataSource DataSource, PipelineRunner Runner, Action<string> Log);
