using System.CommandLine;
using GraphGuard.Storage.Ingest;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard quarantine list</c>: rows ingest refused, newest first.</summary>
internal static class QuarantineCommand
{
    public static Command Create()
    {
        var run = new Option<int?>("--ingest-run") { Description = "Only rows from this ingest run" };
        var reason = new Option<string?>("--reason") { Description = "Only rows with this reason (e.g. bad_timestamp)" };
        var limit = new Option<int>("--limit") { Description = "At most this many rows", DefaultValueFactory = _ => 50 };
        var json = CommonOptions.Json();
        var list = new Command("list", "List quarantined rows with file, line, field and reason") { run, reason, limit, json };
        CliAction.Set(list, async (parse, ct) =>
        {
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var entries = await QuarantineStore.ListAsync(dataSource, parse.GetValue(run), parse.GetValue(reason), parse.GetValue(limit), ct);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(entries.Select(e => new { e.RunId, file = e.File, e.Line, e.Field, e.Reason, e.Detail, raw = e.RawText }));
                return 0;
            }
            var table = new Table().AddColumn("run").AddColumn("file:line").AddColumn("field").AddColumn("reason").AddColumn("detail").AddColumn("raw");
            foreach (var e in entries)
            {
                var raw = e.RawText.Length > 60 ? e.RawText[..60] + "…" : e.RawText;
                table.AddRow($"{e.RunId}", Markup.Escape($"{Path.GetFileName(e.File)}:{e.Line}"), Markup.Escape(e.Field ?? ""), e.Reason, Markup.Escape(e.Detail), Markup.Escape(raw));
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return new Command("quarantine", "Inspect rows that ingest refused") { list };
    }
}
