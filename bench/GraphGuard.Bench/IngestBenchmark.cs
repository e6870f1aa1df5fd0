using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Core.Synthetic;
using GraphGuard.Storage.Benchmarks;
using GraphGuard.Storage.Database;
using GraphGuard.Storage.Ingest;
using GraphGuard.Storage.Migrations;
using GraphGuard.Workflows.Evaluation;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Bench;

/// <summary>
/// <c>graphguard-bench ingest</c>: generates (or reuses) a world, then times PostgreSQL's own CSV COPY of
/// its events into an unindexed table and GraphGuard's full ingest of the same folder, in a scratch
/// database, and prints events/s for both and their ratio.
/// </summary>
internal static class IngestBenchmark
{
    /// <summary>The scratch database the benchmarks share: this one fills it, the graph benchmark reads it.</summary>
    internal const string BenchDatabase = "graphguard_bench";

    public static Command Create()
    {
        var accounts = new Option<int>("--accounts") { Description = "World size when generating", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<ulong>("--seed") { Description = "World seed when generating", DefaultValueFactory = _ => 1 };
        var world = new Option<DirectoryInfo?>("--world") { Description = "Use this format-v1 folder (plain .csv events) instead of generating one" };
        var batchRows = new Option<int>("--batch-rows") { Description = "Rows per committed batch", DefaultValueFactory = _ => new IngestOptions().BatchRows };
        var json = JsonOutput.Option();
        var command = new Command("ingest", $"Ingest events/s beside PostgreSQL's raw COPY of the same rows (scratch database '{BenchDatabase}')")
        {
            accounts, seed, world, batchRows, json,
        };
        CliAction.Set(command, async (parse, ct) =>
        {
            var quiet = parse.GetValue(json);
            var dir = parse.GetValue(world)?.FullName
                ?? Path.Combine(GraphGuardHome.Resolve(), "bench", $"world-{parse.GetValue(accounts)}-{parse.GetValue(seed)}");
            double? generateSeconds = null;
            var eventsCsv = Path.Combine(dir, WorldStreams.EventsFile);
            if (!File.Exists(eventsCsv))
            {
                if (parse.GetValue(world) is not null)
                {
                    throw new FileNotFoundException($"{eventsCsv}: the benchmark needs a plain events.csv");
                }
                var options = new WorldOptions { Accounts = parse.GetValue(accounts), Seed = parse.GetValue(seed) };
                options.Validate();
                var clock = Stopwatch.StartNew();
                await Task.Run(() => ProgressDisplay.Run(!quiet, $"generate {options.Accounts:N0} accounts", progress => WorldFiles.Write(dir, options, gzip: false, progress, ct)), ct);
                generateSeconds = clock.Elapsed.TotalSeconds;
            }

            var connectionString = await DatabaseConnector.ResolveAsync(BenchDatabase, ct);
            await DatabaseConnector.DropDatabaseAsync(connectionString, ct);
            await DatabaseConnector.EnsureDatabaseAsync(connectionString, ct);
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await Migrator.MigrateAsync(dataSource, ct);

            if (!quiet)
            {
                AnsiConsole.MarkupLine("[grey]PostgreSQL COPY of events.csv into an unindexed table...[/]");
            }
            await RawCopyReference.SettleAsync(dataSource, ct);
            var (copyRows, copyTime) = await RawCopyReference.CopyEventsAsync(dataSource, eventsCsv, ct);
            await RawCopyReference.SettleAsync(dataSource, ct);
            var summary = await ProgressDisplay.RunAsync(!quiet, "ingest",
                progress => new Ingestor(dataSource, new IngestOptions { BatchRows = parse.GetValue(batchRows) }).IngestAsync(dir, progress, ct));
            var events = summary.Files.Single(f => Path.GetFileName(f.File).StartsWith("events", StringComparison.Ordinal));

            var copyRate = copyRows / copyTime.TotalSeconds;
            var ingestRate = events.Read / events.Elapsed.TotalSeconds;
            var result = new
            {
                world = dir,
                generate_seconds = generateSeconds is null ? (double?)null : Math.Round(generateSeconds.Value, 2),
                events = events.Read,
                copy_seconds = Math.Round(copyTime.TotalSeconds, 2),
                copy_events_per_second = Math.Round(copyRate),
                ingest_events_seconds = Math.Round(events.Elapsed.TotalSeconds, 2),
                ingest_events_per_second = Math.Round(ingestRate),
                ratio = Math.Round(ingestRate / copyRate, 3),
                ingest_all_files_seconds = Math.Round(summary.Elapsed.TotalSeconds, 2),
                ingest_all_rows = summary.Read,
                machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            };
            if (quiet)
            {
                JsonOutput.Write(result);
                return 0;
            }
            var table = new Table().Title($"ingest benchmark: {events.Read:N0} events ({Markup.Escape(dir)})")
                .AddColumn("").AddColumn("seconds", c => c.RightAligned()).AddColumn("events/s", c => c.RightAligned());
            table.AddRow("PostgreSQL COPY (csv, unindexed table)", $"{copyTime.TotalSeconds:F1}", $"{copyRate:N0}");
            table.AddRow("graphguard ingest events.csv", $"{events.Elapsed.TotalSeconds:F1}", $"{ingestRate:N0}");
            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine($"ratio ingest/COPY: [bold]{ingestRate / copyRate:F2}x[/] (goal >= 0.5x)");
            AnsiConsole.MarkupLine($"whole folder: {summary.Read:N0} rows in {summary.Elapsed.TotalSeconds:F1} s" +
                (generateSeconds is null ? "" : $"; world generated in {generateSeconds:F1} s"));
            return 0;
        });
        return command;
    }
}
