using System.CommandLine;
using GraphGuard.Cli.Commands;

namespace GraphGuard.Cli;

/// <summary>Every <c>graphguard</c> command, built in one place so tests can walk the tree in-process.</summary>
internal static class CommandTree
{
    public static RootCommand Build() => new("GraphGuard: graph-based detection of coordinated inauthentic accounts.")
    {
        DbCommand.Create(),
        GenerateCommand.Create(),
        IngestCommand.Create(),
        QuarantineCommand.Create(),
        GraphCommand.Create(),
        DetectCommand.Create(),
        ClustersCommand.Create(),
        Risk.TrainCommand.Create(),
        Risk.ScoreCommand.Create(),
        ContentCommand.Create(),
        EvalCommand.Create(),
        RunCommand.Create(),
        RunsCommand.Create(),
        ExportCommand.Create(),
        WorkerCommand.Create(),
        JobsCommand.Create(),
        ServeCommand.Create(),
        KeysCommand.Create(),
    };

    /// <summary>Every command under <paramref name="root"/> with its path of names (the root's own name left out), depth first.</summary>
    public static IEnumerable<(string Path, Command Command)> Walk(Command root, string prefix = "")
    {
        foreach (var sub in root.Subcommands)
        {
            var path = prefix.Length == 0 ? sub.Name : $"{prefix} {sub.Name}";
            yield return (path, sub);
            foreach (var nested in Walk(sub, path))
            {
                yield return nested;
            }
        }
    }
}
