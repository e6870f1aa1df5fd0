using System.CommandLine;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard eval ...</c>: detection quality measured against ground truth, never claimed.</summary>
internal static partial class EvalCommand
{
    public static Command Create()
    {
        // One action for the command itself: --dataset and --world each name an evaluation; subcommands have their own.
        var json = JsonOutput.Option();
        var eval = new Command("eval", "Measure detection and the risk model against ground truth") { Detect(), json };
        var dataset = DatasetAction(eval, json);
        var world = WorldAction(eval, json);
        CliAction.Set(eval, (parse, ct) => dataset(parse, ct) ?? world(parse, ct)
            ?? throw new ArgumentException("eval needs --dataset DIR or --world DIR, or a subcommand (see 'graphguard eval --help')"));
        return eval;
    }
}
