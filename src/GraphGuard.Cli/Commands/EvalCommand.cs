using System.CommandLine;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard eval ...</c>: detection quality measured against ground truth, never claimed.</summary>
internal static partial class EvalCommand
{
    /// <summary>Runs a job with its steps as live status on a terminal (or quietly).</summary>
    private static async Task<T> ShowStepsAsync<T>(bool show, Func<Action<string>, Task<T>> job)
    {
        if (!show || Console.IsOutputRedirected)
        {
            return await job(_ => { });
        }
        T result = default!;
        await AnsiConsole.Status().StartAsync("loading the snapshot", async context => result = await job(step => context.Status(step)));
        return result;
    }

    public static Command Create()
    {
        // One action for the command itself: --dataset and --world each name an evaluation; subcommands have their own.
        var json = CommonOptions.Json();
        var eval = new Command("eval", "Measure detection and the risk model against ground truth") { Detect(), json };
        var dataset = DatasetAction(eval, json);
        var world = WorldAction(eval, json);
        CliAction.Set(eval, (parse, ct) => dataset(parse, ct) ?? world(parse, ct)
            ?? throw new ArgumentException("eval needs --dataset DIR or --world DIR, or a subcommand (see 'graphguard eval --help')"));
        return eval;
    }
}
