using Npgsql;

namespace GraphGuard.Jobs.Pipeline;

/// <summary>What a stage gets: the database, its run and that run's definition, and a line-of-progress sink.</summary>
public sealed class StageContext
{
    public required NpgsqlDataSource DataSource { get; init; }

    public required long RunId { get; init; }

    public required PipelineDefinition Definition { get; init; }

    /// <summary>Short notes of what the stage is doing now, for progress bars and worker logs.</summary>
    public required IProgress<string> Progress { get; init; }
}
