using System.CommandLine;
using GraphGuard.Cli.Options;
using GraphGuard.Storage.Detection;
using GraphGuard.Workflows.Export;
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

    private static Command List()
    {
        var run = RunOption();
        var detector = new Option<string?>("--detector") { Description = "Only clusters this detector contributed to (e.g. lockstep)" };
        var limit = new Option<int>("--limit") { Description = "At most this many clusters", DefaultValueFactory = _ => 50 };
        var json = JsonOutput.Option();
        return CliAction.SetOnDatabase(new Command("list", "Clusters of a detection run, highest score first") { run, detector, limit, json }, async (parse, dataSource, ct) =>
        {
            var runId = await ClusterQueries.RunOrLatestAsync(dataSource, parse.GetValue(run), ct);
            var clusters = await ClusterQueries.ListAsync(dataSource, runId, parse.GetValue(detector), Math.Max(1, parse.GetValue(limit)), ct);
            return JsonOutput.Report(parse, json, new { detection_run_id = runId, clusters }, () =>
            {
                AnsiConsole.MarkupLine($"detection run {runId}: {clusters.Count} clusters");
                TableOutput.Write(clusters, ["id", "campaign", "score", "size", "growth", "core", "detectors", "first activity", "last activity", "headline"], c =>
                [
                    c.ClusterId.ToString(), c.Campaign.CampaignId.ToString(), $"{c.Score:0.00}", c.Size.ToString("N0"), c.Growth is { } g ? $"{g:+#,0;-#,0;0}" : "new",
                    c.CoreSize.ToString("N0"), Markup.Escape(string.Join("|", c.Detectors)),
                    $"{c.FirstActivity:yyyy-MM-dd HH:mm}", $"{c.LastActivity:yyyy-MM-dd HH:mm}", Markup.Escape(c.Headline),
                ]);
            });
        });
    }

    private static Command Show()
    {
        var id = new Argument<long>("ID") { Description = "Cluster id" };
        var json = JsonOutput.Option();
        return CliAction.SetOnDatabase(new Command("show", "One cluster: score, detectors, every evidence sentence, and its members with their roles") { id, json }, async (parse, dataSource, ct) =>
        {
            var detail = await ClusterQueries.ShowAsync(dataSource, parse.GetValue(id), ct) ?? throw new ArgumentException($"no cluster {parse.GetValue(id)}");
            var document = new
            {
                detail.Summary,
                evidence = detail.Evidence.Select(e => new { e.Kind, numbers = System.Text.Json.JsonDocument.Parse(e.NumbersJson).RootElement, e.Examples, e.Sentence }),
                members = detail.Members.Select(m => new { account_id = m.AccountId, role = m.Role }),
            };
            return JsonOutput.Report(parse, json, document, () =>
            {
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
            });
        });
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
        return CliAction.SetOnDatabase(new Command("export", "Write every member of every cluster as CSV: cluster_id,account_id,role,cluster_score,detectors") { run, output }, async (parse, dataSource, ct) =>
        {
            var runId = await ClusterQueries.RunOrLatestAsync(dataSource, parse.GetValue(run), ct);
            var file = parse.GetValue(output)!;
            var rows = await AtomicFile.WriteAsync(file.FullName, writer => ClusterQueries.ExportAsync(dataSource, runId, writer, ct));
            Console.WriteLine($"{rows:N0} rows of detection run {runId} written to {file.FullName}");
            return 0;
        });
    }
}
