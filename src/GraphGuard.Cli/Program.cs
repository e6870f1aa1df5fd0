using System.CommandLine;
using GraphGuard.Cli.Commands;

var root = new RootCommand("GraphGuard: graph-based detection of coordinated inauthentic accounts.")
{
    DbCommand.Create(),
    GenerateCommand.Create(),
    IngestCommand.Create(),
    QuarantineCommand.Create(),
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
