using System.CommandLine;
using GraphGuard.Cli;
using GraphGuard.Cli.Commands;
using GraphGuard.Terminal;

TerminalProfile.ForRedirectedOutput();
var root = CommandTree.Build();
var parse = root.Parse(args);
// The worker handles SIGINT/SIGTERM itself, waiting for running jobs longer than the default 2 s grace.
var termination = parse.CommandResult.Command.Name == WorkerCommand.Name ? null : new InvocationConfiguration().ProcessTerminationTimeout;
return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = termination });
