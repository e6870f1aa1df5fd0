using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Scheduling;
using GraphGuard.Storage.Pipeline;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard run</c>: one run of a pipeline in the foreground, a line per stage, published at the end.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var pipeline = new Option<string>("--pipeline") { Description = "The pipeline definition to run: jobs/<NAME>.json", DefaultValueFactory = _ => "daily" };
        var jobs = new Option<string>("--jobs") { Description = "Folder of pipeline definitions", DefaultValueFactory = _ => "jobs" };
        var json = CommonOptions.Json();
        var command = new Command("run", "Run the whole pipeline once in the foreground (snapshot, graph features, detect, embeddings, train, score, publish) and publish it")
        {
            pipeline, jobs, json,
        };
        CliAction.Set(command, async (parse, ct) =>
        {
            var definition = PipelineDefinitionFile.Read(Path.Combine(parse.GetValue(jobs)!, parse.GetValue(pipeline) + ".json"));
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            // The pipeline's lease, as a worker drives a run: the workers leave this run alone while it lives.
            var lease = await PipelineLease.TryTakeAsync(dataSource, definition.Name, ct);
            if (lease is null)
            {
                Console.Error.WriteLine($"graphguard: a run of {definition.Name} is in progress elsewhere; waiting for it to end");
                lease = await PipelineLease.TakeAsync(dataSource, definition.Name, TimeSpan.FromSeconds(1), ct);
            }
            await using var held = lease;
            var runner = new PipelineRunner(dataSource, PipelineStages.All(), PipelineRunner.ThisProcess);
            var clock = Stopwatch.StartNew();
            var runId = await runner.CreateRunAsync(definition, "foreground", ct);
            await RunAttempts.BeginAsync(dataSource, runId, 1, null, ct);
            var quiet = parse.GetValue(json);
            if (!quiet)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"run {runId} of pipeline {definition.Name}"));
            }
            var result = quiet || Console.IsOutputRedirected
                ? await runner.RunAsync(runId, definition, new Lines(quiet, null), ct)
                : await RunWithStatusAsync(runner, runId, definition, ct);
            if (result.Status != PipelineRunStatus.Succeeded)
            {
                throw new InvalidOperationException(result.Status == PipelineRunStatus.Busy
                    ? $"run {runId}: another worker holds stage {result.Stages[^1].Stage}"
                    : $"run {runId} failed at {result.Error}; the published run is unchanged (resume it with the worker, or run again)");
            }
            var model = (await RunHistory.ShowAsync(dataSource, runId, ct))?.Run.ModelVersion;
            if (quiet)
            {
                JsonOutput.Write(new
                {
                    run_id = runId,
                    pipeline = definition.Name,
                    model_version = model,
                    seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
                    stages = result.Stages.Select(s => new { stage = s.Stage, status = s.Status, rows = s.Rows, seconds = Math.Round(s.Elapsed.TotalSeconds, 2) }),
                });
                return 0;
            }
            AnsiConsole.MarkupLine(Markup.Escape($"run {runId} published in {clock.Elapsed.TotalSeconds:0.0} s with model {model}"));
            return 0;
        });
        return command;
    }

    private static async Task<PipelineRunResult> RunWithStatusAsync(PipelineRunner runner, long runId, PipelineDefinition definition, CancellationToken ct)
    {
        PipelineRunResult result = null!;
        await AnsiConsole.Status().StartAsync("starting", async context =>
            result = await runner.RunAsync(runId, definition, new Lines(false, note => context.Status(Markup.Escape(note))), ct));
        return result;
    }

    /// <summary>A line per finished stage; notes go to the status line when there is one.</summary>
    private sealed class Lines(bool quiet, Action<string>? status) : IProgress<StageProgress>
    {
        public void Report(StageProgress value)
        {
            var position = $"[{value.Index + 1}/{value.Count}] {value.Stage,-15}";
            switch (value.Kind)
            {
                case StageProgressKind.Started or StageProgressKind.Note:
                    status?.Invoke($"{position} {value.Note ?? "running"}");
                    break;
                case StageProgressKind.Failed when !quiet:
                    AnsiConsole.MarkupLine(Markup.Escape($"{position} failed: {value.Note}"));
                    break;
                case StageProgressKind.Finished or StageProgressKind.DoneEarlier when !quiet:
                    var r = value.Result!;
                    AnsiConsole.MarkupLine(Markup.Escape($"{position} {r.Status,-9} {r.Rows,12:N0} rows {r.Elapsed.TotalSeconds,8:0.0} s{(r.Earlier ? " (earlier)" : "")}"));
                    break;
            }
        }
    }
}
