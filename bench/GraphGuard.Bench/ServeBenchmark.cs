using System.CommandLine;
using GraphGuard.Api;
using GraphGuard.Api.Security;
using GraphGuard.Storage.Database;
using GraphGuard.Storage.Migrations;
using GraphGuard.Storage.Pipeline;
using GraphGuard.Testing;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Bench;

/// <summary>
/// <c>graphguard-bench serve</c>: the scoring service on 127.0.0.1 under <c>wrk</c> — single lookups and
/// 1,000-id batches of random known accounts — against the goal (lookups p99 under 2 ms at 20,000
/// requests/s or more; a 1,000-id batch under 20 ms at p99).
/// </summary>
internal static class ServeBenchmark
{
    internal const string BenchDatabase = "graphguard_bench_serve";
    private const double GoalSingleP99Ms = 2;
    private const double GoalSingleRps = 20_000;
    private const double GoalBatchP99Ms = 20;
    private const int BatchSize = 1000;

    public static Command Create()
    {
        var accounts = new Option<int>("--accounts") { Description = "Accounts in the synthetic published run", DefaultValueFactory = _ => 1_000_000 };
        var database = new Option<string?>("--database") { Description = $"Serve this database's published run instead of a synthetic one in '{BenchDatabase}'" };
        var seconds = new Option<int>("--seconds") { Description = "Seconds wrk runs each scenario", DefaultValueFactory = _ => 10 };
        // Four connections already drive more than the goal's 20,000 requests/s from one wrk thread; more only queue
        // requests behind each other on two cores (a closed loop: latency = connections / throughput).
        var connections = new Option<int>("--connections") { Description = "wrk connections for single lookups", DefaultValueFactory = _ => 4 };
        var batchConnections = new Option<int>("--batch-connections") { Description = "wrk connections for batches", DefaultValueFactory = _ => 2 };
        var json = JsonOutput.Option();
        var command = new Command("serve", "Requests/s and p50/p99 latency of the scoring service under wrk: single lookups and 1,000-id batches")
        {
            accounts, database, seconds, connections, batchConnections, json,
        };
        CliAction.Set(command, async (parse, ct) =>
        {
            if (!Wrk.Available())
            {
                throw new InvalidOperationException("wrk not found: apt-get install wrk (scripts/setup.sh does)");
            }
            var connectionString = await DatabaseConnector.ResolveAsync(parse.GetValue(database) ?? BenchDatabase, ct);
            await DatabaseConnector.EnsureDatabaseAsync(connectionString, ct);
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await Migrator.MigrateAsync(dataSource, ct);
            var runId = await PublishedRunAsync(dataSource, parse.GetValue(database) is null, Math.Max(1000, parse.GetValue(accounts)), ct);

            await using var app = ScoringService.Build(new ScoringServiceOptions { ConnectionString = connectionString, Urls = "http://127.0.0.1:0" });
            var loading = System.Diagnostics.Stopwatch.StartNew();
            await app.StartAsync(ct);
            var address = ScoringService.Address(app);
            await WaitReadyAsync(address, ct);
            loading.Stop();
            GC.Collect();
            var workingSet = Environment.WorkingSet;
            var keyName = $"bench-serve-{DateTime.UtcNow:yyyyMMddHHmmss}-{Environment.ProcessId}";
            var key = await ApiKeyStore.CreateAsync(dataSource, keyName, [Scopes.RiskRead], int.MaxValue, ct);
            var folder = Directory.CreateTempSubdirectory("graphguard-bench-serve-").FullName;
            try
            {
                var ids = Path.Combine(folder, "ids.txt");
                await File.WriteAllLinesAsync(ids, await PublishedRun.SampleIdsAsync(dataSource, runId, ct), ct);
                await WaitKeyAsync(address, key, ct);
                var environment = new Dictionary<string, string> { ["GG_KEY"] = key, ["GG_IDS"] = ids, ["GG_BATCH"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                var single = Wrk.WriteScript(folder, "wrk_single.lua");
                var batch = Wrk.WriteScript(folder, "wrk_batch.lua");
                var duration = Math.Max(1, parse.GetValue(seconds));
                // A short untimed run first: the JIT compiles the hot path (tiered PGO) before anything is measured.
                await Wrk.RunAsync("warm-up", address, single, 1, parse.GetValue(connections), 3, environment, ct);
                await Wrk.RunAsync("warm-up", address, batch, 1, 1, 2, environment, ct);
                var results = new[]
                {
                    await Wrk.RunAsync("single lookup", address, single, 1, Math.Max(1, parse.GetValue(connections)), duration, environment, ct),
                    await Wrk.RunAsync($"batch of {BatchSize:N0}", address, batch, 1, Math.Max(1, parse.GetValue(batchConnections)), duration, environment, ct),
                };
                var accountsServed = await PublishedRun.CountAsync(dataSource, runId, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(new { run_id = runId, accounts = accountsServed, load_seconds = loading.Elapsed.TotalSeconds, working_set_bytes = workingSet, processors = Environment.ProcessorCount, results });
                }
                else
                {
                    Print(runId, accountsServed, loading.Elapsed.TotalSeconds, workingSet, results);
                }
                return results.Sum(r => r.Non2xx + r.SocketErrors) == 0 ? 0 : 1;
            }
            finally
            {
                await ApiKeyStore.RevokeAsync(dataSource, keyName, CancellationToken.None);
                await app.StopAsync(CancellationToken.None);
                Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    private static async Task<long> PublishedRunAsync(NpgsqlDataSource dataSource, bool synthetic, int accounts, CancellationToken ct)
    {
        if (!synthetic)
        {
            return await PublicationStore.PublishedRunAsync(dataSource, ct) ?? throw new InvalidOperationException("that database has no published run: run 'graphguard run' on it first");
        }
        if (await PublishedRun.ExistingSyntheticAsync(dataSource, accounts, ct) is { } existing)
        {
            return existing;
        }
        AnsiConsole.MarkupLine($"publishing a synthetic run of {accounts:N0} accounts in '{BenchDatabase}'");
        return await PublishedRun.SyntheticAsync(dataSource, accounts, ct);
    }

    private static async Task WaitReadyAsync(Uri address, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (!(await client.GetAsync("/readyz", ct)).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("the service did not load the published run within 5 minutes");
            }
            await Task.Delay(200, ct);
        }
    }

    private static async Task WaitKeyAsync(Uri address, string key, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        while ((await client.GetAsync("/v1/risk/changes?limit=1", ct)).StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            await Task.Delay(50, ct);
        }
    }

    private static void Print(long runId, long accounts, double loadSeconds, long workingSet, WrkResult[] results)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"run {runId}: {accounts:N0} accounts loaded in {loadSeconds:0.0} s (process working set {workingSet / (1024.0 * 1024):N0} MiB); " +
            $"{Environment.ProcessorCount} cores shared by the service and wrk"));
        var table = new Table().AddColumns("scenario", "connections", "requests/s", "p50 ms", "p90 ms", "p99 ms", "requests", "errors");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.Scenario), r.Connections.ToString(), r.RequestsPerSecond.ToString("N0"), r.P50Ms.ToString("0.000"), r.P90Ms.ToString("0.000"),
                r.P99Ms.ToString("0.000"), r.Requests.ToString("N0"), (r.Non2xx + r.SocketErrors).ToString("N0"));
        }
        AnsiConsole.Write(table);
        var single = results[0];
        var batch = results[1];
        static string Verdict(bool met) => met ? "[green]goal met[/]" : "[red]goal missed[/]";
        AnsiConsole.MarkupLine($"single lookups: {single.RequestsPerSecond:N0} requests/s, p99 {single.P99Ms:0.000} ms (goal >= {GoalSingleRps:N0}/s with p99 < {GoalSingleP99Ms} ms): " +
            Verdict(single.RequestsPerSecond >= GoalSingleRps && single.P99Ms < GoalSingleP99Ms));
        AnsiConsole.MarkupLine($"1,000-id batches: p50 {batch.P50Ms:0.00} ms, p99 {batch.P99Ms:0.00} ms (goal < {GoalBatchP99Ms} ms): " + Verdict(batch.P99Ms < GoalBatchP99Ms));
    }
}
