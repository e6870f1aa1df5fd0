using System.Diagnostics;
using GraphGuard.Storage.Pipeline;
using Npgsql;

namespace GraphGuard.Jobs.Pipeline;

/// <summary>
/// <c>graphguard run</c>: one run of a pipeline in this process, as a worker drives one: the pipeline's lease held
/// for the whole run (the workers leave it alone while it lives), the run created and its attempt begun, every
/// stage run and the run published at the end.
/// </summary>
public sealed class ForegroundRun : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PipelineDefinition _definition;
    private readonly PipelineLease _lease;
    private readonly Stopwatch _clock;

    private ForegroundRun(NpgsqlDataSource dataSource, PipelineDefinition definition, PipelineLease lease, long runId, Stopwatch clock)
    {
        _dataSource = dataSource;
        _definition = definition;
        _lease = lease;
        _clock = clock;
        RunId = runId;
    }

    /// <summary>The run created.</summary>
    public long RunId { get; }

    /// <summary>Takes the pipeline's lease (waiting, after telling <paramref name="waiting"/>, while another run holds it) and creates the run.</summary>
    public static async Task<ForegroundRun> StartAsync(NpgsqlDataSource dataSource, PipelineDefinition definition, Action<string> waiting, CancellationToken ct = default)
    {
        var lease = await PipelineLease.TryTakeAsync(dataSource, definition.Name, ct).ConfigureAwait(false);
        if (lease is null)
        {
            waiting($"a run of {definition.Name} is in progress elsewhere; waiting for it to end");
            lease = await PipelineLease.TakeAsync(dataSource, definition.Name, TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
        }
        try
        {
            var clock = Stopwatch.StartNew();
            var runId = await Runner(dataSource).CreateRunAsync(definition, "foreground", ct).ConfigureAwait(false);
            await RunAttempts.BeginAsync(dataSource, runId, 1, null, ct).ConfigureAwait(false);
            return new ForegroundRun(dataSource, definition, lease, runId, clock);
        }
        catch
        {
            await lease.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs every stage; throws, leaving the published run unchanged, unless the run succeeded.</summary>
    public async Task<ForegroundRunResult> RunAsync(IProgress<StageProgress>? progress, CancellationToken ct = default)
    {
        var result = await Runner(_dataSource).RunAsync(RunId, _definition, progress, ct).ConfigureAwait(false);
        if (result.Status != PipelineRunStatus.Succeeded)
        {
            throw new InvalidOperationException(result.Status == PipelineRunStatus.Busy
                ? $"run {RunId}: another worker holds stage {result.Stages[^1].Stage}"
                : $"run {RunId} failed at {result.Error}; the published run is unchanged (resume it with the worker, or run again)");
        }
        var model = (await RunHistory.ShowAsync(_dataSource, RunId, ct).ConfigureAwait(false))?.Run.ModelVersion;
        return new ForegroundRunResult(RunId, _definition.Name, model, Math.Round(_clock.Elapsed.TotalSeconds, 2),
            [.. result.Stages.Select(s => new ForegroundRunResult.StageLine(s.Stage, s.Status, s.Rows, Math.Round(s.Elapsed.TotalSeconds, 2)))]);
    }

    public ValueTask DisposeAsync() => _lease.DisposeAsync();

    private static PipelineRunner Runner(NpgsqlDataSource dataSource) => new(dataSource, PipelineStages.All(), PipelineRunner.ThisProcess);
}
