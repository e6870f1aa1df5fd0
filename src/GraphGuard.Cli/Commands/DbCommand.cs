using System.CommandLine;
using GraphGuard.Storage.Database;
using GraphGuard.Storage.Inspection;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard db start|stop|status|migrate|reset|stats</c>.</summary>
internal static class DbCommand
{
    public static Command Create() => new("db", $"Manage the database: the private PostgreSQL cluster under $GRAPHGUARD_HOME/pg (default ./.graphguard/pg), or the server in ${GraphGuardHome.ConnectionVariable}")
    {
        CliAction.Set(new Command("start", "Create the private cluster if needed, start it and apply migrations"), async (_, ct) =>
        {
            Console.WriteLine($"PostgreSQL running; data in {await Database.StartPrivateClusterAsync(ct)}");
            return 0;
        }),
        CliAction.Set(new Command("stop", "Stop the private cluster"), async (_, ct) =>
        {
            await Database.StopPrivateClusterAsync(ct);
            Console.WriteLine("PostgreSQL stopped");
            return 0;
        }),
        Status(),
        CliAction.Set(new Command("migrate", "Apply pending schema migrations (a no-op when there are none)"), async (_, ct) =>
        {
            var applied = await Database.MigrateAsync(ct);
            Console.WriteLine(applied.Count == 0 ? "schema up to date; nothing to apply" : $"applied {string.Join(", ", applied.Select(m => $"{m.Version:D4}_{m.Name}"))}");
            return 0;
        }),
        Reset(),
        Stats(),
    };

    private static Command Status()
    {
        var json = JsonOutput.Option();
        return CliAction.Set(new Command("status", "Show where the database is, whether it runs, and which migrations are applied") { json }, async (parse, ct) =>
        {
            var status = await DatabaseStatus.ReadAsync(ct);
            return JsonOutput.Report(parse, json, status, () =>
            {
                Console.WriteLine($"database:   {status.Location}");
                Console.WriteLine($"state:      {status.State}");
                Console.WriteLine(status is { AppliedMigrations: { } applied, PendingMigrations: { } pending }
                    ? $"migrations: {applied.Count} applied, {pending.Count} pending"
                    : "migrations: unknown while the database is not running");
            });
        });
    }

    private static Command Reset()
    {
        var yes = new Option<bool>("--yes") { Description = "Confirm: every table and row of the GraphGuard database is deleted" };
        return CliAction.Set(new Command("reset", "Drop the GraphGuard database and recreate it empty at the latest schema") { yes }, async (parse, ct) =>
        {
            if (!parse.GetValue(yes))
            {
                Console.Error.WriteLine("graphguard: db reset deletes all data; run it again with --yes to confirm");
                return 2;
            }
            await Database.ResetAsync(ct);
            AnsiConsole.MarkupLine("[yellow]database reset[/]: empty, all migrations applied");
            return 0;
        });
    }

    private static Command Stats()
    {
        var json = JsonOutput.Option();
        return CliAction.SetOnDatabase(new Command("stats", "Summarise what the store holds: rows per table, entities per kind, events per action") { json }, async (parse, dataSource, ct) =>
        {
            var stats = await StoreStatistics.ReadAsync(dataSource, ct);
            return JsonOutput.Report(parse, json, stats, () =>
            {
                var grid = new Grid().AddColumn().AddColumn();
                void Row(string name, IReadOnlyDictionary<string, long> counts) =>
                    grid.AddRow($"[bold]{name}[/]", counts.Count == 0 ? "-" : Markup.Escape(string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))));
                Row("rows", stats.Tables);
                Row("entities", stats.EntitiesByKind);
                Row("events", stats.EventsByAction);
                Row("labeled accounts", stats.LabelsByLabel);
                Row("quarantine", stats.QuarantineByReason);
                grid.AddRow("[bold]event time span[/]", stats.FirstEvent is null ? "-" : $"{stats.FirstEvent:u} .. {stats.LastEvent:u}");
                AnsiConsole.Write(grid);
            });
        });
    }
}
