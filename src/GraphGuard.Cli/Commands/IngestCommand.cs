using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Storage.Ingest;
using GraphGuard.Workflows.Ingest;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard ingest DIR</c>: load a format-v1 folder (docs/data-format.md).</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "Folder with accounts.csv, events.csv, content.csv, content_signals.csv, labels.csv, content_labels.csv (each optional, .csv or .csv.gz)" };
        var batchRows = new Option<int>("--batch-rows") { Description = "Rows per committed batch", DefaultValueFactory = _ => new IngestOptions().BatchRows };
        var lanes = new Option<int>("--lanes") { Description = "Connections copying events in parallel", DefaultValueFactory = _ => new IngestOptions().Lanes };
        var earliest = TimestampOption.Create("--earliest", $"Rows dated before this time (with its zone) are quarantined as implausible_timestamp; default {IngestOptions.DefaultEarliestTimestamp:yyyy-MM-ddTHH:mm:ssZ}");
        var tolerance = DurationOption.Create("--future-tolerance", "How far past the clock a row's time may lie before it is implausible", PipelineDefinitionFile.FormatDuration(new IngestOptions().FutureTolerance));
        var json = CommonOptions.Json();
        var command = new Command("ingest", "Validate and load interaction data; bad rows go to quarantine, re-running is safe") { directory, batchRows, lanes, earliest, tolerance, json };
        CliAction.Set(command, async (parse, ct) =>
        {
            var options = new IngestOptions
            {
                BatchRows = parse.GetValue(batchRows),
                Lanes = parse.GetValue(lanes),
                EarliestTimestamp = parse.GetValue(earliest) ?? IngestOptions.DefaultEarliestTimestamp,
                FutureTolerance = parse.GetValue(tolerance),
            };
            if (options.BatchRows < 1 || options.Lanes is < 1 or > 16)
            {
                throw new ArgumentException("--batch-rows must be at least 1, --lanes between 1 and 16");
            }
            var dir = parse.GetValue(directory)!.FullName;
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var ingestor = new Ingestor(dataSource, options);
            var summary = await ProgressDisplay.RunAsync(
                !parse.GetValue(json), "ingest", progress => ingestor.IngestAsync(dir, progress, ct));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(IngestReport.Of(summary));
            }
            else
            {
                IngestTable.Print(summary);
            }
            return summary.Succeeded ? 0 : 1;
        });
        return command;
    }
}
