using GraphGuard.Core.Synthetic;
using GraphGuard.Workflows.Evaluation;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary>Runs the generator into a world folder, with a progress bar on a terminal.</summary>
internal static class WorldFolder
{
    public static WorldSummary Write(string dir, WorldOptions options, bool gzip, bool showProgress, CancellationToken ct)
    {
        if (!showProgress || Console.IsOutputRedirected)
        {
            return WorldFiles.Write(dir, options, gzip, null, ct);
        }
        return AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"generate {options.Accounts:N0} accounts", maxValue: 1);
                var summary = WorldFiles.Write(dir, options, gzip, new SynchronousProgress<double>(p => task.Value = p), ct);
                task.Value = 1;
                return summary;
            });
    }
}
