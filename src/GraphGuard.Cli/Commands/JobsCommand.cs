using System.CommandLine;
using System.Globalization;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Storage.Pipeline;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard jobs list|trigger|history</c>: the scheduled pipelines as Hangfire's storage holds them, and their runs.</summary>
internal static class JobsCommand
{
    public static Command Create() => new("jobs", "Scheduled pipelines: list them with their next firing, fire one now on any worker, read their run history")
    {
        List(), Trigger(), History(),
    };

    private static Command List()
    {
        var jobs = WorkerCommand.JobsFolderOption();
        var json = JsonOutput.Option();
        var command = new Command("list", "Each pipeline of jobs/*.json: cron (UTC), window, train policy, next firing from the store, and its last run") { jobs, json };
        return CliAction.Set(command, async (parse, ct) =>
        {
            var definitions = PipelineDefinitionFile.ReadFolder(parse.GetValue(jobs)!);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var rows = await ScheduleOverview.ReadAsync(dataSource, definitions, await SchedulerSettings.ForDatabaseAsync(ct), ct);
            return JsonOutput.Report(parse, json, new { jobs = rows }, () => TableOutput.Write(rows, ["name", "cron (UTC)", "window", "train", "next firing", "last run"], r =>
            {
                var next = r.Scheduled ? r.NextFireTime is { } n ? $"{n:yyyy-MM-dd HH:mm:ss}Z" : "none" : "not in the store (start a worker)";
                var last = r.LastRun is { } l ? $"{l.RunId} {l.Status}, {Age(l.AgeSeconds)} ago" : "never";
                return [Markup.Escape(r.Name), Markup.Escape(r.Cron), r.Window ?? "all", r.Train, Markup.Escape(next), Markup.Escape(last)];
            }));
        });
    }

    private static Command Trigger()
    {
        var name = new Argument<string>("NAME") { Description = "The pipeline (jobs/NAME.json), as a worker loaded it into the store" };
        var wait = new Option<bool>("--wait") { Description = "Follow the run until it ends (retries included, database outages waited out); exit 1 if it failed" };
        return CliAction.SetOnDatabase(new Command("trigger", "Ask the workers to run a pipeline now: any running worker picks it up") { name, wait }, async (parse, dataSource, ct) =>
        {
            var firing = await ManualTrigger.FireAsync(dataSource, parse.GetValue(name)!, parse.GetValue(wait), Console.WriteLine, ct);
            if (firing.Failed)
            {
                Console.Error.WriteLine($"graphguard: run {firing.Run!.RunId} failed: {firing.Run.Error}");
                return 1;
            }
            return 0;
        });
    }

    private static Command History()
    {
        var name = new Argument<string?>("NAME") { Description = "Only this pipeline", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "At most this many runs, newest first", DefaultValueFactory = _ => 10 };
        var json = JsonOutput.Option();
        return CliAction.SetOnDatabase(new Command("history", "Pipeline runs with each stage attempt: status, worker, timings, rows, errors") { name, limit, json }, async (parse, dataSource, ct) =>
        {
            var runs = await RunHistory.ListAsync(dataSource, Math.Max(1, parse.GetValue(limit)), parse.GetValue(name), ct);
            var attempts = await RunHistory.AttemptsAsync(dataSource, [.. runs.Select(r => r.RunId)], ct);
            // The fields this command has always printed: the run's own columns and its attempts without details.
            var document = new
            {
                runs = runs.Select(r => new
                {
                    r.RunId,
                    r.Pipeline,
                    r.Trigger,
                    r.Status,
                    r.CreatedAt,
                    r.FinishedAt,
                    r.Error,
                    Stages = attempts[r.RunId].Select(a => new { a.Stage, a.Attempt, a.Status, a.Worker, a.StartedAt, a.FinishedAt, a.Rows, a.Error }),
                }),
            };
            return JsonOutput.Report(parse, json, document, () =>
            {
                foreach (var run in runs)
                {
                    var took = run.FinishedAt is { } f ? $", {(f - run.CreatedAt).TotalSeconds:0.0} s" : "";
                    AnsiConsole.MarkupLine(Markup.Escape($"run {run.RunId} {run.Pipeline} ({run.Trigger}) {run.Status}, started {run.CreatedAt:yyyy-MM-dd HH:mm:ss}{took}{(run.Error is null ? "" : $": {run.Error}")}"));
                    TableOutput.Write(attempts[run.RunId], ["stage", "attempt", "status", "worker", "started", "seconds", "rows", "error"], s =>
                        [s.Stage, s.Attempt.ToString(CultureInfo.InvariantCulture), s.Status, Markup.Escape(s.Worker), $"{s.StartedAt:HH:mm:ss}",
                            s.FinishedAt is { } e ? $"{(e - s.StartedAt).TotalSeconds:0.0}" : "", s.Rows?.ToString("N0", CultureInfo.InvariantCulture) ?? "", Markup.Escape(s.Error ?? "")]);
                }
                if (runs.Count == 0)
                {
                    Console.WriteLine("no pipeline runs yet");
                }
            });
        });
    }

    private static string Age(long seconds) => seconds switch
    {
        < 120 => $"{seconds} s",
        < 7200 => $"{seconds / 60} min",
        < 172_800 => $"{seconds / 3600} h",
        _ => $"{seconds / 86_400} d",
    };
}
