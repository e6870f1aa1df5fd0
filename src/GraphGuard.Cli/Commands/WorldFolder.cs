using System.IO.Compression;
using GraphGuard.Core.Synthetic;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary>Opens the files of a world folder and runs the generator into them, with a progress bar.</summary>
internal static class WorldFolder
{
    public static WorldSummary Write(string dir, WorldOptions options, bool gzip, bool showProgress, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        foreach (var name in WorldStreams.FileNames)
        {
            // A folder must not end up with both name.csv and name.csv.gz from two runs.
            File.Delete(Path.Combine(dir, gzip ? name : name + ".gz"));
        }
        using var streams = WorldStreams.Open(name =>
        {
            Stream file = new FileStream(Path.Combine(dir, gzip ? name + ".gz" : name), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            return gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
        });
        if (!showProgress || Console.IsOutputRedirected)
        {
            return WorldGenerator.Generate(options, streams, null, ct);
        }
        return AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"generate {options.Accounts:N0} accounts", maxValue: 1);
                var summary = WorldGenerator.Generate(options, streams, new SynchronousProgress<double>(p => task.Value = p), ct);
                task.Value = 1;
                return summary;
            });
    }
}
