using System.CommandLine;
using GraphGuard.Cli;
using GraphGuard.Cli.Commands;
using Spectre.Console;

// Piped output (CI logs, files, scripts) would otherwise be wrapped at 80 columns and carry escape codes.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
    AnsiConsole.Profile.Capabilities.Ansi = false;
}

var root = CommandTree.Build();
var parse = root.Parse(args);
// The worker handles SIGINT/SIGTERM itself, waiting for running jobs longer than the default 2 s grace.
var termination = parse.CommandResult.Command.Name == WorkerCommand.Name ? null : new InvocationConfiguration().ProcessTerminationTimeout;
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = termination });
