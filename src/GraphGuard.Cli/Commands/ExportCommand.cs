using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Storage.Export;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard export neo4j</c>: the published run as neo4j-admin import CSVs (cypher/README.md).</summary>
internal static class ExportCommand
{
    public static Command Create() => new("export", "The published run in other tools' formats") { Neo4j() };

    private static Command Neo4j()
    {
        var output = OutOption.Folder("Folder to write nodes.csv, clusters.csv, relations.csv and members.csv into", required: true);
        var command = new Command("neo4j", "Write the published run (accounts, entities, aggregated relations, clusters) as neo4j-admin import CSVs") { output };
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            var folder = parse.GetValue(output)!.ToString();
            var written = await Neo4jExport.WriteAsync(dataSource, folder, ct);
            AnsiConsole.MarkupLine(Markup.Escape(
                $"run {written.RunId}: {written.Nodes:N0} nodes, {written.Relations:N0} relations, {written.Clusters:N0} clusters, {written.Memberships:N0} memberships written to {folder}"));
            AnsiConsole.MarkupLine(Markup.Escape($"load with: neo4j-admin database import full --nodes={folder}/nodes.csv --nodes={folder}/clusters.csv "
                + $"--relationships={folder}/relations.csv --relationships={folder}/members.csv neo4j"));
            return 0;
        });
    }
}
