using Spectre.Console;

namespace GraphGuard.Terminal;

/// <summary>Runs a job with each step it names as a line of live status on a terminal (or quietly).</summary>
public static class StepStatus
{
    public static async Task<T> RunAsync<T>(bool show, Func<Action<string>, Task<T>> job)
    {
        if (!show || Console.IsOutputRedirected)
        {
            return await job(_ => { });
        }
        T result = default!;
        await AnsiConsole.Status().StartAsync("loading the snapshot", async context => result = await job(step => context.Status(step)));
        return result;
    }
}
