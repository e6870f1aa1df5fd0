using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Storage.Ingest;
using GraphGuard.Workflows.Ingest;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard ingest DIR</c>: load a format-v1 folder (docs/data-format.md).</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var defaults = new IngestOptions();
        var directory = new Argument<DirectoryInfo>("DIR") { Description = "Folder with accounts.csv, events.csv, content.csv, content_signals.csv, labels.csv, content_labels.csv (each optional, .csv or .csv.gz)" };
        var batchRows = new Option<int>("--batch-rows") { Description = "Rows per committed batch", DefaultValueFactory = _ => defaults.BatchRows };
        var lanes = new Option<int>("--lanes") { Description = "Connections copying events in parallel", DefaultValueFactory = _ => defaults.Lanes };
        var earliest = TimestampOption.Create("--earliest", $"Rows dated before this time (with its zone) are quarantined as implausible_timestamp; default {IngestOptions.DefaultEarliestTimestamp:yyyy-MM-ddTHH:mm:ssZ}");
        var tolerance = DurationOption.Create("--future-tolerance", "How far past the clock a row's time may lie before it is implausible", PipelineDefinitionFile.FormatDuration(defaults.FutureTolerance));
        var json = JsonOutput.Option();
        var command = new Command("ingest", "Validate and load interaction data; bad rows go to quarantine, re-running is safe") { directory, batchRows, lanes, earliest, tolerance, json };
        return CliAction.Set(command, async (parse, ct) =>
        {
            var options = new IngestOptions
            {
                BatchRows = parse.GetValue(batchRows),
                Lanes = parse.GetValue(lanes),
                EarliestTimestamp = parse.GetValue(earliest) ?? IngestOptions.DefaultEarliestTimestamp,
                FutureTolerance = parse.GetValue(tolerance),
            };
            options.Validate();
            var dir = parse.GetValue(directory)!.FullName;
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var summary = await ProgressDisplay.RunAsync(!parse.GetValue(json), "ingest", progress => new Ingestor(dataSource, options).IngestAsync(dir, progress, ct));
            JsonOutput.Report(parse, json, IngestReport.Of(summary), () => IngestTable.Print(summary));
            return summary.Succeeded ? 0 : 1;
        });
    }
}
