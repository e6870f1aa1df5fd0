using System.CommandLine;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Storage.Pipeline;
using Npgsql;
using Quartz;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard jobs list|trigger|history</c>: the scheduled pipelines as the cluster's store holds them.</summary>
internal static class JobsCommand
{
    public static Command Create() => new("jobs", "Scheduled pipelines: list them with their next firing, fire one now on the cluster, read their run history")
    {
        List(), Trigger(), History(),
    };

    private static Command List()
    {
        var jobs = WorkerCommand.JobsFolderOption();
        var json = CommonOptions.Json();
        var command = new Command("list", "Each pipeline of jobs/*.json: cron (UTC), window, train policy, next firing from the store, and its last run") { jobs, json };
        CliAction.Set(command, async (parse, ct) =>
        {
            var definitions = PipelineDefinitionFile.ReadFolder(parse.GetValue(jobs)!);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var scheduler = await PipelineScheduler.CreateAsync(await WorkerCommand.SettingsAsync(ct), null, ct);
            var rows = new List<JobRow>();
            try
            {
                foreach (var d in definitions)
                {
                    var trigger = await scheduler.GetTrigger(PipelineScheduler.CronTriggerOf(d.Name), ct);
                    var last = await RunHistory.LatestAsync(dataSource, d.Name, ct);
                    rows.Add(new JobRow(d.Name, d.Cron, d.Window is { } w ? PipelineDefinitionFile.FormatDuration(w) : null, PipelineDefinitionFile.TrainPolicyName(d.Train), trigger is not null, trigger?.NextFireTimeUtc?.UtcDateTime,
                        last is null ? null : new LastRun(last.RunId, last.Status, last.CreatedAt, (long)(DateTime.UtcNow - last.CreatedAt.ToUniversalTime()).TotalSeconds)));
                }
            }
            finally
            {
                await scheduler.Shutdown(false, CancellationToken.None);
            }
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { jobs = rows });
                return 0;
            }
            var table = new Table().AddColumns("name", "cron (UTC)", "window", "train", "next firing", "last run");
            foreach (var r in rows)
            {
                var next = r.Scheduled ? r.NextFireTime is { } n ? $"{n:yyyy-MM-dd HH:mm:ss}Z" : "none" : "not in the store (start a worker)";
                var last = r.LastRun is { } l ? $"{l.RunId} {l.Status}, {Age(l.AgeSeconds)} ago" : "never";
                table.AddRow(Markup.Escape(r.Name), Markup.Escape(r.Cron), r.Window ?? "all", r.Train, Markup.Escape(next), Markup.Escape(last));
            }
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Trigger()
    {
        var name = new Argument<string>("NAME") { Description = "The pipeline (jobs/NAME.json), as a worker loaded it into the store" };
        var wait = new Option<bool>("--wait") { Description = "Follow the run until it ends (retries included); exit 1 if it failed" };
        var command = new Command("trigger", "Ask the cluster to run a pipeline now: any running worker picks it up") { name, wait };
        CliAction.Set(command, async (parse, ct) =>
        {
            var pipeline = parse.GetValue(name)!;
            var job = PipelineScheduler.JobKeyOf(pipeline);
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var scheduler = await PipelineScheduler.CreateAsync(await WorkerCommand.SettingsAsync(ct), null, ct);
            try
            {
                if (await scheduler.GetJobDetail(job, ct) is null)
                {
                    throw new ArgumentException($"no scheduled pipeline '{pipeline}': a worker loads jobs/{pipeline}.json into the store when it starts");
                }
                var before = await RunHistory.LastRunIdAsync(dataSource, pipeline, ct);
                await scheduler.TriggerJob(job, PipelineJobData.ForManual(), ct);
                Console.WriteLine($"asked the cluster to run {pipeline} now");
                return parse.GetValue(wait) ? await FollowAsync(dataSource, scheduler, pipeline, before, ct) : 0;
            }
            finally
            {
                await scheduler.Shutdown(false, CancellationToken.None);
            }
        });
        return command;
    }

    /// <summary>Waits for the manual run to appear and end: succeeded, or failed with no retry to come.</summary>
    private static async Task<int> FollowAsync(NpgsqlDataSource dataSource, IScheduler scheduler, string pipeline, long before, CancellationToken ct)
    {
        var poll = TimeSpan.FromMilliseconds(500);
        long? runId;
        while ((runId = await RunHistory.ManualRunAfterAsync(dataSource, pipeline, before, ct)) is null)
        {
            await Task.Delay(poll, ct);
        }
        Console.WriteLine($"run {runId} started");
        var reported = "";
        var settled = 0;
        while (true)
        {
            var (status, error) = await RunHistory.StatusAsync(dataSource, runId.Value, ct);
            if (status != reported)
            {
                Console.WriteLine($"run {runId}: {status}{(error is null ? "" : $": {error}")}");
                reported = status;
            }
            if (status == "succeeded")
            {
                return 0;
            }
            // A failed attempt schedules its retry just after it marks the run failed: only a failure seen
            // twice, a poll apart, with no retry waiting, is the end.
            settled = status == "failed" && !await RetryPendingAsync(scheduler, pipeline, runId.Value, ct) ? settled + 1 : 0;
            if (settled == 2)
            {
                Console.Error.WriteLine($"graphguard: run {runId} failed: {error}");
                return 1;
            }
            await Task.Delay(poll, ct);
        }
    }

    private static async Task<bool> RetryPendingAsync(IScheduler scheduler, string pipeline, long runId, CancellationToken ct)
    {
        var id = runId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var trigger in await scheduler.GetTriggersOfJob(PipelineScheduler.JobKeyOf(pipeline), ct))
        {
            if (trigger.Key.Group == PipelineScheduler.RetryGroup && trigger.JobDataMap.GetString(PipelineJobData.RunId) == id)
            {
                return true;
            }
        }
        return false;
    }

    private static Command History()
    {
        var name = new Argument<string?>("NAME") { Description = "Only this pipeline", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "At most this many runs, newest first", DefaultValueFactory = _ => 10 };
        var json = CommonOptions.Json();
        var command = new Command("history", "Pipeline runs with each stage attempt: status, worker, timings, rows, errors") { name, limit, json };
        CliAction.Set(command, async (parse, ct) =>
        {
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            var runs = await RunHistory.ListAsync(dataSource, Math.Max(1, parse.GetValue(limit)), parse.GetValue(name), ct);
            var attempts = await RunHistory.AttemptsAsync(dataSource, [.. runs.Select(r => r.RunId)], ct);
            if (parse.GetValue(json))
            {
                // The fields this command has always printed: the run's own columns and its attempts without details.
                JsonOutput.Write(new
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
                });
                return 0;
            }
            foreach (var run in runs)
            {
                var took = run.FinishedAt is { } f ? $", {(f - run.CreatedAt).TotalSeconds:0.0} s" : "";
                AnsiConsole.MarkupLine(Markup.Escape($"run {run.RunId} {run.Pipeline} ({run.Trigger}) {run.Status}, started {run.CreatedAt:yyyy-MM-dd HH:mm:ss}{took}{(run.Error is null ? "" : $": {run.Error}")}"));
                var table = new Table().AddColumns("stage", "attempt", "status", "worker", "started", "seconds", "rows", "error");
                foreach (var s in attempts[run.RunId])
                {
                    table.AddRow(s.Stage, s.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Status, Markup.Escape(s.Worker), $"{s.StartedAt:HH:mm:ss}",
                        s.FinishedAt is { } e ? $"{(e - s.StartedAt).TotalSeconds:0.0}" : "", s.Rows?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) ?? "", Markup.Escape(s.Error ?? ""));
                }
                AnsiConsole.Write(table);
            }
            if (runs.Count == 0)
            {
                Console.WriteLine("no pipeline runs yet");
            }
            return 0;
        });
        return command;
    }

    private static string Age(long seconds) => seconds switch
    {
        < 120 => $"{seconds} s",
        < 7200 => $"{seconds / 60} min",
        < 172_800 => $"{seconds / 3600} h",
        _ => $"{seconds / 86_400} d",
    };

    private sealed record JobRow(string Name, string Cron, string? Window, string Train, bool Scheduled, DateTime? NextFireTime, LastRun? LastRun);

    private sealed record LastRun(long RunId, string Status, DateTime CreatedAt, long AgeSeconds);
}
