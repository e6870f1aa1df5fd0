using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Storage.Detection;
using GraphGuard.Workflows.Export;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard clusters list|show|export</c>: what detection found, for analysts at a terminal.</summary>
internal static class ClustersCommand
{
    public static Command Create() => new("clusters", "Read stored clusters: list them, show one with its evidence and members, export members as CSV")
    {
        List(), Show(), Export(),
    };

    private static Option<int?> RunOption() => new("--detection-run") { Description = "Detection run id (default: the latest)" };

    private static async Task<int> RunIdAsync(NpgsqlDataSource dataSource, int? run, CancellationToken ct) =>
        run ?? await ClusterQueries.LatestRunAsync(dataSource, ct) ?? throw new InvalidOperationException("no detection run is stored yet: run 'graphguard detect' first");

    private static Command List()
    {
        var run = RunOption();
        var detector = new Option<string?>("--detector") { Description = "Only clusters this detector contributed to (e.g. lockstep)" };
        var limit = new Option<int>("--limit") { Description = "At most this many clusters", DefaultValueFactory = _ => 50 };
        var json = CommonOptions.Json();
        var command = new Command("list", "Clusters of a detection run, highest score first") { run, detector, limit, json };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var runId = await RunIdAsync(dataSource, parse.GetValue(run), ct);
            var clusters = await ClusterQueries.ListAsync(dataSource, runId, parse.GetValue(detector), Math.Max(1, parse.GetValue(limit)), ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { detection_run_id = runId, clusters });
                return 0;
            }
            var table = new Table().AddColumns("id", "campaign", "score", "size", "growth", "core", "detectors", "first activity", "last activity", "headline");
            foreach (var c in clusters)
            {
                table.AddRow(c.ClusterId.ToString(), c.Campaign.CampaignId.ToString(), $"{c.Score:0.00}", c.Size.ToString("N0"), c.Growth is { } g ? $"{g:+#,0;-#,0;0}" : "new",
                    c.CoreSize.ToString("N0"), Markup.Escape(string.Join("|", c.Detectors)),
                    $"{c.FirstActivity:yyyy-MM-dd HH:mm}", $"{c.LastActivity:yyyy-MM-dd HH:mm}", Markup.Escape(c.Headline));
            }
            AnsiConsole.MarkupLine($"detection run {runId}: {clusters.Count} clusters");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("ID") { Description = "Cluster id" };
        var json = CommonOptions.Json();
        var command = new Command("show", "One cluster: score, detectors, every evidence sentence, and its members with their roles") { id, json };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var detail = await ClusterQueries.ShowAsync(dataSource, parse.GetValue(id), ct)
                ?? throw new ArgumentException($"no cluster {parse.GetValue(id)}");
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new
                {
                    detail.Summary,
                    evidence = detail.Evidence.Select(e => new { e.Kind, numbers = System.Text.Json.JsonDocument.Parse(e.NumbersJson).RootElement, e.Examples, e.Sentence }),
                    members = detail.Members.Select(m => new { account_id = m.AccountId, role = m.Role }),
                });
                return 0;
            }
            var s = detail.Summary;
            AnsiConsole.MarkupLine($"cluster [bold]{s.ClusterId}[/] (run {s.DetectionRunId}): score {s.Score:0.00}, {s.Size:N0} accounts ({s.CoreSize:N0} core), " +
                $"found by {Markup.Escape(string.Join(", ", s.Detectors))}; active {s.FirstActivity:yyyy-MM-dd HH:mm} to {s.LastActivity:yyyy-MM-dd HH:mm}");
            AnsiConsole.MarkupLine(Markup.Escape(CampaignLine(s)));
            foreach (var e in detail.Evidence)
            {
                AnsiConsole.MarkupLine($"  - {Markup.Escape(e.Sentence)}");
            }
            foreach (var role in detail.Members.GroupBy(m => m.Role))
            {
                AnsiConsole.MarkupLine(Markup.Escape($"{role.Key} ({role.Count()}): {string.Join(" ", role.Select(m => m.AccountId))}"));
            }
            return 0;
        });
        return command;
    }

    /// <summary>The campaign's history in one line: first and last seen, and what changed since the previous run.</summary>
    private static string CampaignLine(ClusterSummary s)
    {
        var k = s.Campaign;
        var seen = $"campaign {k.CampaignId}: first seen {k.FirstSeen:yyyy-MM-dd HH:mm} (run {Run(k.FirstSeenRun)}, {k.FirstSize:N0} accounts), " +
            $"last seen {k.LastSeen:yyyy-MM-dd HH:mm} (run {Run(k.LastSeenRun)}), found by {k.Runs:N0} stored run(s)";
        return s.Growth is { } growth
            ? $"{seen}; since the previous run {growth:+#,0;-#,0;0} accounts ({k.PreviousSize:N0} in cluster {k.PreviousClusterId?.ToString() ?? "since deleted"}): {k.Joined:N0} joined, {k.Left:N0} left"
            : $"{seen}; new in this run";
    }

    private static string Run(int? run) => run?.ToString() ?? "since deleted";

    private static Command Export()
    {
        var run = RunOption();
        var output = OutOption.File("CSV file to write", required: true);
        var command = new Command("export", "Write every member of every cluster as CSV: cluster_id,account_id,role,cluster_score,detectors") { run, output };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var runId = await RunIdAsync(dataSource, parse.GetValue(run), ct);
            var file = parse.GetValue(output)!;
            var rows = await AtomicFile.WriteAsync(file.FullName, writer => ClusterQueries.ExportAsync(dataSource, runId, writer, ct));
            Console.WriteLine($"{rows:N0} rows of detection run {runId} written to {file.FullName}");
            return 0;
        });
        return command;
    }
}
