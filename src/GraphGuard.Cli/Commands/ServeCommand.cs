using System.CommandLine;
using GraphGuard.Api;
using GraphGuard.Cli.Options;
using GraphGuard.Jobs.Scheduling;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard serve</c>: the scoring service on 127.0.0.1, serving the published run until interrupted.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (127.0.0.1 only)", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var check = DurationOption.Create("--check-interval", "How long to wait for a publication's notification before looking for one anyway", "10s");
        var verbose = new Option<bool>("--verbose") { Description = "Log every request (slower)" };
        var session = DurationOption.Create("--session-lifetime", "How long a workspace sign-in lasts", "8h");
        var command = new Command("serve", "Serve the published run's risk scores, clusters and labels over HTTP (see docs/api.md), the analyst workspace at / and the jobs dashboard at /jobs") { urls, check, verbose, session };
        return CliAction.Set(command, async (parse, ct) =>
        {
            // Migrate first, so a fresh database serves (503 until a run is published) instead of failing on missing tables.
            var connection = await Database.MigratedConnectionStringAsync(ct);
            var options = new ScoringServiceOptions
            {
                ConnectionString = connection,
                JobsStorage = hangfire => new SchedulerSettings { ConnectionString = connection }.Configure(hangfire, null),
                Urls = parse.GetValue(urls)!,
                CheckInterval = parse.GetValue(check) < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : parse.GetValue(check),
                Verbose = parse.GetValue(verbose),
                SessionLifetime = parse.GetValue(session),
            };
            await ScoringService.ServeAsync(options, at =>
                Console.WriteLine($"graphguard: serving on {string.Join(", ", at)} (Ctrl+C to stop); the analyst workspace is at {at[0]}/"), ct);
            return 0;
        });
    }
}
