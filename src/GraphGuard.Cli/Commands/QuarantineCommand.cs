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
        var json = JsonOutput.Option();
        var list = CliAction.SetOnDatabase(new Command("list", "List quarantined rows with file, line, field and reason") { run, reason, limit, json }, async (parse, dataSource, ct) =>
        {
            var entries = await QuarantineStore.ListAsync(dataSource, parse.GetValue(run), parse.GetValue(reason), parse.GetValue(limit), ct);
            return JsonOutput.Report(parse, json, entries.Select(e => new { e.RunId, file = e.File, e.Line, e.Field, e.Reason, e.Detail, raw = e.RawText }), () =>
                TableOutput.Write(entries, ["run", "file:line", "field", "reason", "detail", "raw"], e =>
                    [$"{e.RunId}", Markup.Escape($"{Path.GetFileName(e.File)}:{e.Line}"), Markup.Escape(e.Field ?? ""), e.Reason, Markup.Escape(e.Detail),
                        Markup.Escape(e.RawText.Length > 60 ? e.RawText[..60] + "…" : e.RawText)]));
        });
        return new Command("quarantine", "Inspect rows that ingest refused") { list };
    }
}
