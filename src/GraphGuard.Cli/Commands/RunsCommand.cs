using System.CommandLine;
using GraphGuard.Storage.Pipeline;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard runs list|show|rollback|export</c>: the pipeline's history, publishing an older run again, and a run's scores as CSV.</summary>
internal static partial class RunsCommand
{
    public static Command Create() => new("runs", "Pipeline runs: list them, show one's stages and attempts, roll back to an older kept run, export scores as CSV")
    {
        List(), Show(), Rollback(), Export(),
    };

    private static Command List()
    {
        var limit = new Option<int>("--limit") { Description = "At most this many runs, newest first", DefaultValueFactory = _ => 20 };
        var json = JsonOutput.Option();
        return CliAction.SetOnDatabase(new Command("list", "Recent runs: status, whether published, times, model") { limit, json }, async (parse, dataSource, ct) =>
        {
            var runs = await RunHistory.ListAsync(dataSource, Math.Max(1, parse.GetValue(limit)), ct: ct);
            return JsonOutput.Report(parse, json, new { runs }, () =>
                TableOutput.Write(runs, ["run", "pipeline", "trigger", "status", "published", "started (UTC)", "seconds", "scores", "model", "error"], r =>
                    [r.RunId.ToString(), Markup.Escape(r.Pipeline), r.Trigger, r.Status + (r.Pruned ? " (pruned)" : ""), r.Published ? "yes" : "",
                        $"{r.CreatedAt:yyyy-MM-dd HH:mm:ss}", r.FinishedAt is { } f ? $"{(f - r.CreatedAt).TotalSeconds:0.0}" : "", r.Scores.ToString("N0"),
                        Markup.Escape(r.ModelVersion ?? ""), Markup.Escape(r.Error ?? "")]));
        });
    }

    private static Command Show()
    {
        var id = new Argument<long>("ID") { Description = "Run id" };
        var json = JsonOutput.Option();
        return CliAction.SetOnDatabase(new Command("show", "One run: its window, model, and every attempt of every stage") { id, json }, async (parse, dataSource, ct) =>
        {
            var (run, attempts) = await RunHistory.ShowAsync(dataSource, parse.GetValue(id), ct)
                ?? throw new ArgumentException($"there is no run {parse.GetValue(id)} (never created, or deleted by retention)");
            return JsonOutput.Report(parse, json, new { run, attempts }, () =>
            {
                AnsiConsole.MarkupLine(Markup.Escape(
                    $"run {run.RunId} of {run.Pipeline} ({run.Trigger}): {run.Status}{(run.Published ? ", published" : "")}{(run.Pruned ? ", pruned" : "")}; " +
                    $"window {run.WindowFrom:O} to {run.WindowTo:O}; model {run.ModelVersion}; {run.Scores:N0} scores" + (run.Error is null ? "" : $"; error: {run.Error}")));
                TableOutput.Write(attempts, ["stage", "attempt", "status", "worker", "started (UTC)", "seconds", "rows", "details", "error"], a =>
                    [a.Stage, a.Attempt.ToString(), a.Status, Markup.Escape(a.Worker), $"{a.StartedAt:HH:mm:ss}",
                        a.FinishedAt is { } f ? $"{(f - a.StartedAt).TotalSeconds:0.0}" : "", a.Rows?.ToString("N0") ?? "", Markup.Escape(a.Details), Markup.Escape(a.Error ?? "")]);
            });
        });
    }

    private static Command Rollback()
    {
        var id = new Argument<long>("ID") { Description = "The run to serve again: a succeeded run still kept" };
        var note = new Option<string?>("--note") { Description = "Why, kept on the publication" };
        var json = JsonOutput.Option();
        var command = new Command("rollback", "Publish an older kept run again (a 'rollback' publication with its band changes; the service reloads it)") { id, note, json };
        return CliAction.SetOnDatabase(command, async (parse, dataSource, ct) =>
        {
            Publication publication;
            try
            {
                publication = await PublicationStore.PublishAsync(dataSource, parse.GetValue(id), rollback: true, parse.GetValue(note), ct);
            }
            catch (InvalidOperationException e)
            {
                // The refusal (not succeeded, pruned, deleted, already published) is the user's to read, not a crash.
                throw new ArgumentException($"cannot roll back: {e.Message}", e);
            }
            var document = new { publication_id = publication.PublicationId, run_id = publication.RunId, previous_run_id = publication.PreviousRunId, band_changes = publication.BandChanges };
            return JsonOutput.Report(parse, json, document, () => AnsiConsole.MarkupLine(Markup.Escape(
                $"run {publication.RunId} published again (publication {publication.PublicationId}, was run {publication.PreviousRunId}); {publication.BandChanges:N0} band changes")));
        });
    }
}
