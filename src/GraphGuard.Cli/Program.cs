using System.CommandLine;
using GraphGuard.Cli.Commands;
using Spectre.Console;

// Piped output (CI logs, files, scripts) would otherwise be wrapped at 80 columns and carry escape codes.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
    AnsiConsole.Profile.Capabilities.Ansi = false;
}

var root = new RootCommand("GraphGuard: graph-based detection of coordinated inauthentic accounts.")
{
    DbCommand.Create(),
    GenerateCommand.Create(),
    IngestCommand.Create(),
    QuarantineCommand.Create(),
    GraphCommand.Create(),
    DetectCommand.Create(),
    ClustersCommand.Create(),
    GraphGuard.Cli.Risk.TrainCommand.Create(),
    GraphGuard.Cli.Risk.ScoreCommand.Create(),
    EvalCommand.Create(),
    BenchCommand.Create(),
    RunCommand.Create(),
    RunsCommand.Create(),
    ScoresCommand.Create(),
    ExportCommand.Create(),
    WorkerCommand.Create(),
    JobsCommand.Create(),
    ServeCommand.Create(),
    KeysCommand.Create(),
};
var parse = root.Parse(args);
// The worker handles SIGINT/SIGTERM itself, waiting for running jobs longer than the default 2 s grace.
var termination = parse.CommandResult.Command.Name == WorkerCommand.Name ? null : new InvocationConfiguration().ProcessTerminationTimeout;
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = termination });
