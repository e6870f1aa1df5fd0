using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Storage.Pipeline;
using GraphGuard.Workflows.Export;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

internal static partial class RunsCommand
{
    /// <summary><c>graphguard runs export</c>: the published run's scores (or a kept run's) as CSV, for systems that read files.</summary>
    private static Command Export()
    {
        var output = OutOption.File("CSV file to write", required: true);
        var run = new Option<long?>("--pipeline-run") { Description = "A kept pipeline run instead of the published one" };
        var command = new Command("export", $"Write the published run's scores as CSV: {ScoreStore.CsvHeader} (reasons joined by '|'), riskiest first") { output, run };
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            var path = parse.GetValue(output)!.ToString();
            var written = await AtomicFile.WriteAsync(path, writer => ScoreStore.ExportAsync(dataSource, parse.GetValue(run), writer, ct));
            AnsiConsole.MarkupLine(Markup.Escape($"{written.Rows:N0} scores of run {written.RunId} written to {path}"));
            return 0;
        });
    }
}
