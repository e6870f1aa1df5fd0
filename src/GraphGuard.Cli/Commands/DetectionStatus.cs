using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Detection;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary>Runs <see cref="DetectionWorkflow"/> with a line of live status per step on a terminal.</summary>
internal static class DetectionStatus
{
    public static async Task<DetectionWorkflow.Outcome> RunAsync(NpgsqlDataSource dataSource, SnapshotWindow window, bool showProgress, CancellationToken ct)
    {
        if (!showProgress || Console.IsOutputRedirected)
        {
            return await DetectionWorkflow.RunAsync(dataSource, window, _ => { }, ct);
        }
        DetectionWorkflow.Outcome outcome = null!;
        await AnsiConsole.Status().StartAsync("loading the snapshot", async context =>
            outcome = await DetectionWorkflow.RunAsync(dataSource, window, step => context.Status(step), ct));
        return outcome;
    }
}
