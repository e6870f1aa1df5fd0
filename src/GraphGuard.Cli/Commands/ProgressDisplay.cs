using GraphGuard.Storage.Ingest;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary>A progress bar per input file while long work runs; silent when output is not a terminal.</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(bool show, string title, Func<IProgress<IngestProgress>?, Task<T>> work)
    {
        if (!show || Console.IsOutputRedirected)
        {
            return await work(null);
        }
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var progress = new SynchronousProgress<IngestProgress>(p =>
                {
                    if (!tasks.TryGetValue(p.File, out var task))
                    {
                        task = ctx.AddTask($"{title} {Path.GetFileName(p.File)}", maxValue: Math.Max(1, p.BytesTotal));
                        tasks[p.File] = task;
                    }
                    task.Value = p.BytesDone;
                });
                result = await work(progress);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }
            });
        return result;
    }
}
