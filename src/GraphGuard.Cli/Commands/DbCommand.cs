using System.CommandLine;
using GraphGuard.Storage.Database;
using GraphGuard.Storage.Inspection;
using GraphGuard.Storage.Migrations;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard db start|stop|status|migrate|reset</c>.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var db = new Command("db", $"Manage the database: the private PostgreSQL cluster under $GRAPHGUARD_HOME/pg (default ./.graphguard/pg), or the server in ${GraphGuardHome.ConnectionVariable}");
        db.Add(Start());
        db.Add(Stop());
        db.Add(Status());
        db.Add(Migrate());
        db.Add(Reset());
        db.Add(Stats());
        return db;
    }

    private static Command Start()
    {
        var command = new Command("start", "Create the private cluster if needed, start it and apply migrations");
        CliAction.Set(command, async (_, ct) =>
        {
            RequirePrivateCluster("start");
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            Console.WriteLine($"PostgreSQL running; data in {LocalCluster.Default().DataDirectory}");
            return 0;
        });
        return command;
    }

    private static Command Stop()
    {
        var command = new Command("stop", "Stop the private cluster");
        CliAction.Set(command, async (_, ct) =>
        {
            RequirePrivateCluster("stop");
            await LocalCluster.Default().StopAsync(ct);
            Console.WriteLine("PostgreSQL stopped");
            return 0;
        });
        return command;
    }

    private static Command Status()
    {
        var json = CommonOptions.Json();
        var command = new Command("status", "Show where the database is, whether it runs, and which migrations are applied") { json };
        CliAction.Set(command, async (parse, ct) =>
        {
            var status = await DatabaseStatus.ReadAsync(ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(status);
                return 0;
            }
            Console.WriteLine($"database:   {status.Location}");
            Console.WriteLine($"state:      {status.State}");
            Console.WriteLine(status is { AppliedMigrations: { } applied, PendingMigrations: { } pending }
                ? $"migrations: {applied.Count} applied, {pending.Count} pending"
                : "migrations: unknown while the database is not running");
            return 0;
        });
        return command;
    }

    private static Command Migrate()
    {
        var command = new Command("migrate", "Apply pending schema migrations (a no-op when there are none)");
        CliAction.Set(command, async (_, ct) =>
        {
            await using var dataSource = await DatabaseConnector.OpenAsync(ct: ct);
            var applied = await Migrator.MigrateAsync(dataSource, ct);
            Console.WriteLine(applied.Count == 0
                ? "schema up to date; nothing to apply"
                : $"applied {string.Join(", ", applied.Select(m => $"{m.Version:D4}_{m.Name}"))}");
            return 0;
        });
        return command;
    }

    private static Command Reset()
    {
        var yes = new Option<bool>("--yes") { Description = "Confirm: every table and row of the GraphGuard database is deleted" };
        var command = new Command("reset", "Drop the GraphGuard database and recreate it empty at the latest schema") { yes };
        CliAction.Set(command, async (parse, ct) =>
        {
            if (!parse.GetValue(yes))
            {
                Console.Error.WriteLine("graphguard: db reset deletes all data; run it again with --yes to confirm");
                return 2;
            }
            var connectionString = await DatabaseConnector.ResolveAsync(ct: ct);
            await DatabaseConnector.DropDatabaseAsync(connectionString, ct);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            AnsiConsole.MarkupLine("[yellow]database reset[/]: empty, all migrations applied");
            return 0;
        });
        return command;
    }

    private static Command Stats()
    {
        var json = CommonOptions.Json();
        var command = new Command("stats", "Summarise what the store holds: rows per table, entities per kind, events per action") { json };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var stats = await StoreStatistics.ReadAsync(dataSource, ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(stats);
                return 0;
            }
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
            return 0;
        });
        return command;
    }

    private static void RequirePrivateCluster(string verb)
    {
        if (GraphGuardHome.ConnectionOverride() is not null)
        {
            throw new DatabaseSetupException($"db {verb} manages the private cluster, but {GraphGuardHome.ConnectionVariable} points at another server; unset it or manage that server yourself");
        }
    }
}
