using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Fixes the run's window on <c>pipeline_runs</c> (ending just past the newest stored event, starting the
/// definition's window before), so every later stage and every re-run reads the same data, and loads it.
/// The window is fixed once: a re-run keeps it, so the outputs of later stages stay consistent with it.
/// </summary>
internal sealed class SnapshotStage(RunCache cache) : IPipelineStage
{
    public string Name => "snapshot";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        if (await RunOutputs.FixWindowAsync(context.DataSource, context.RunId, context.Definition.Window, ct).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException("the store holds no events: ingest data first");
        }
        var snapshot = await cache.SnapshotAsync(context, ct).ConfigureAwait(false);
        var (input, window) = (snapshot.Input, snapshot.Window);
        if (input.Accounts.Count == 0)
        {
            throw new InvalidOperationException($"the window {window.From:O} to {window.To:O} holds no accounts: ingest newer data, or widen the definition's window");
        }
        return new StageOutcome(input.Accounts.Count, new Dictionary<string, object?>
        {
            ["window_from"] = window.From,
            ["window_to"] = window.To,
            ["accounts"] = input.Accounts.Count,
            ["edges"] = input.Graph.EdgeCount,
            ["texts"] = input.Content.Count,
        });
    }
}
