using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphGuard.Api;
using GraphGuard.Api.Security;
using GraphGuard.Storage.Database;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Bench;

/// <summary>
/// <c>graphguard bench workspace</c>: the analyst workspace on a database's published run — p50/p95 of every page's
/// API calls (queue, the largest cluster and its activity, a member's account page and neighbourhood, a pivot, a path),
/// then the largest cluster's page in headless Chromium: first contentful paint (the shell), the members table painted
/// (the cluster itself) and graph drawn, from Navigation and Paint Timing.
/// Goals (issue 14): API p95 under 50 ms on the 1M-account world; the cluster page first paints in under 1 s.
/// </summary>
internal static class WorkspaceBenchmark
{
    private const double GoalP95Ms = 50;
    private const double GoalPaintMs = 1_000;

    public static Command Create()
    {
        var database = new Option<string?>("--database") { Description = "The database whose published run to serve (default: GRAPHGUARD_DB or the local cluster's)" };
        var requests = new Option<int>("--requests") { Description = "Requests per call (after 3 warm-up requests)", DefaultValueFactory = _ => 100 };
        var loads = new Option<int>("--page-loads") { Description = "Cluster page loads in Chromium", DefaultValueFactory = _ => 5 };
        var web = new Option<string>("--web") { Description = "The repository's web/ folder (node_modules with playwright-core)", DefaultValueFactory = _ => "web" };
        var json = JsonOutput.Option();
        var command = new Command("workspace", "p50/p95 of the workspace's page API calls and the cluster page's first paint in headless Chromium") { database, requests, loads, web, json };
        CliAction.Set(command, async (parse, ct) =>
        {
            var connectionString = await DatabaseConnector.ResolveAsync(parse.GetValue(database), ct);
            await using var app = ScoringService.Build(new ScoringServiceOptions { ConnectionString = connectionString, Urls = "http://127.0.0.1:0" });
            await app.StartAsync(ct);
            var address = ScoringService.Address(app);
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var keyName = $"bench-workspace-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}";
            var key = await ApiKeyStore.CreateAsync(dataSource, keyName, [Scopes.ClustersRead], 1_000_000, ct);
            try
            {
                using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
                var calls = await PlanAsync(client, key, ct);
                var results = new List<(string Call, double P50, double P95, double Max)>();
                foreach (var (name, path) in calls)
                {
                    var (p50, p95, max) = Measure(await TimeAsync(client, path, parse.GetValue(requests), ct));
                    results.Add((name, p50, p95, max));
                }
                var paint = await PaintAsync(parse.GetValue(web)!, address, key, calls[1].Path.Split('/')[^1], parse.GetValue(loads), ct);
                Print(parse.GetValue(json), results, paint);
            }
            finally
            {
                await ApiKeyStore.RevokeAsync(dataSource, keyName, CancellationToken.None);
                await app.StopAsync(CancellationToken.None);
            }
            return 0;
        });
        return command;
    }

    /// <summary>Signs in, waits for the run's graph, and picks what each page would call: the largest cluster, its first member, a shared target, a path to its last member.</summary>
    private static async Task<List<(string Name, string Path)>> PlanAsync(HttpClient client, string key, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        HttpResponseMessage signIn;
        while ((signIn = await client.PostAsJsonAsync("/workspace/api/sign-in", new { key }, ct)).StatusCode != HttpStatusCode.OK || !await GraphLoadedAsync(client, ct))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the service did not load a published run and its graph within 10 minutes ({signIn.StatusCode})");
            }
            await Task.Delay(500, ct);
        }
        var queue = JsonNode.Parse(await client.GetStringAsync("/workspace/api/queue?sort=size", ct))!;
        var largest = queue["clusters"]!.AsArray().FirstOrDefault() ?? throw new InvalidOperationException("the published run has no clusters");
        var id = largest["id"]!.GetValue<long>();
        var page = JsonNode.Parse(await client.GetStringAsync($"/workspace/api/clusters/{id}", ct))!;
        var members = page["members"]!.AsArray().Select(m => m!["account_id"]!.GetValue<string>()).ToList();
        var graph = JsonNode.Parse(await client.GetStringAsync($"/workspace/api/clusters/{id}/graph", ct))!;
        var target = graph["nodes"]!.AsArray().First(n => n!["kind"]!.GetValue<string>() != "account")!["id"]!.GetValue<int>();
        var first = Uri.EscapeDataString(members[0]);
        return
        [
            ("queue", "/workspace/api/queue"),
            ($"cluster ({largest["size"]} members)", $"/workspace/api/clusters/{id}"),
            ("cluster graph", $"/workspace/api/clusters/{id}/graph"),
            ("cluster activity", $"/workspace/api/clusters/{id}/activity"),
            ("account", $"/workspace/api/accounts/{first}"),
            ("neighbourhood, 2 hops", $"/workspace/api/accounts/{first}/neighborhood?hops=2"),
            ("pivot", $"/workspace/api/entities/{target}/accounts"),
            ("path", $"/workspace/api/paths?from={first}&to={Uri.EscapeDataString(members[^1])}"),
            ("audit", "/workspace/api/audit"),
        ];
    }

    private static async Task<bool> GraphLoadedAsync(HttpClient client, CancellationToken ct) =>
        (await client.GetAsync("/workspace/api/queue?sort=size", ct)).IsSuccessStatusCode
        && !(await client.GetStringAsync("/metrics", ct)).Contains("graphguard_graph_run_id 0", StringComparison.Ordinal);

    private static async Task<List<double>> TimeAsync(HttpClient client, string path, int requests, CancellationToken ct)
    {
        for (var i = 0; i < 3; i++)
        {
            (await client.GetAsync(path, ct)).EnsureSuccessStatusCode();
        }
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            times.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }
        return times;
    }

    private static (double P50, double P95, double Max) Measure(List<double> times)
    {
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return (At(0.50), At(0.95), times[^1]);
    }

    /// <summary>web/tests/first-paint.mjs: loads the cluster page in headless Chromium and reads its Navigation Timing.</summary>
    private static async Task<JsonNode> PaintAsync(string web, Uri address, string key, string clusterId, int loads, CancellationToken ct)
    {
        var start = new ProcessStartInfo("node", ["tests/first-paint.mjs", address.ToString().TrimEnd('/'), clusterId, loads.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not start");
        // The key goes over stdin, not the command line, where other users could read it.
        await process.StandardInput.WriteLineAsync(key.AsMemory(), ct);
        process.StandardInput.Close();
        var stdout = await process.StandardOutput.ReadToEndAsync(ct);
        var stderr = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? JsonNode.Parse(stdout)! : throw new InvalidOperationException($"first-paint.mjs failed: {stderr.Trim()}");
    }

    private static void Print(bool json, List<(string Call, double P50, double P95, double Max)> results, JsonNode paint)
    {
        if (json)
        {
            JsonOutput.Write(new
            {
                calls = results.Select(r => new { call = r.Call, p50_ms = Math.Round(r.P50, 2), p95_ms = Math.Round(r.P95, 2), max_ms = Math.Round(r.Max, 2) }),
                goal_p95_ms = GoalP95Ms,
                cluster_page = paint,
                goal_first_paint_ms = GoalPaintMs,
            });
            return;
        }
        var table = new Table().AddColumns("call", "p50 ms", "p95 ms", "max ms", $"p95 < {GoalP95Ms} ms");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.Call), $"{r.P50:0.0}", $"{r.P95:0.0}", $"{r.Max:0.0}", r.P95 < GoalP95Ms ? "yes" : "[red]no[/]");
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape($"cluster page in headless Chromium (median of {paint["loads"]} loads): first contentful paint {paint["first_contentful_paint_ms"]} ms, "
            + $"members table painted {paint["members_painted_ms"]} ms, graph drawn {paint["graph_ready_ms"]} ms, DOMContentLoaded {paint["dom_content_loaded_ms"]} ms "
            + $"(goal: the cluster painted < {GoalPaintMs} ms)"));
    }
}
