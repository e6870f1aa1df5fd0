using GraphGuard.Storage.Ingest;
using GraphGuard.Workflows.Progress;
using Spectre.Console;

namespace GraphGuard.Terminal;

/// <summary>Progress bars while long work runs; silent when output is not a terminal.</summary>
public static class ProgressDisplay
{
    /// <summary>A bar per input file, for work that reports bytes read per file.</summary>
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

    /// <summary>One bar titled <paramref name="title"/>, for work that reports the fraction done (0 to 1).</summary>
    public static T Run<T>(bool show, string title, Func<IProgress<double>?, T> work)
    {
        if (!show || Console.IsOutputRedirected)
        {
            return work(null);
        }
        return AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, maxValue: 1);
                var result = work(new SynchronousProgress<double>(p => task.Value = p));
                task.Value = 1;
                return result;
            });
    }
}
