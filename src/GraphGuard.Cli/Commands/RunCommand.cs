using System.CommandLine;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Jobs.Scheduling;
using Spectre.Console;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard run</c>: one run of a pipeline in the foreground, a line per stage, published at the end.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var pipeline = new Option<string>("--pipeline") { Description = "The pipeline definition to run: jobs/<NAME>.json", DefaultValueFactory = _ => "daily" };
        var jobs = WorkerCommand.JobsFolderOption();
        var json = JsonOutput.Option();
        var command = new Command("run", "Run the whole pipeline once in the foreground (snapshot, graph features, detect, embeddings, train, score, publish) and publish it")
        {
            pipeline, jobs, json,
        };
        return CliAction.Set(command, async (parse, ct) =>
        {
            var definition = PipelineDefinitionFile.Read(Path.Combine(parse.GetValue(jobs)!, parse.GetValue(pipeline) + ".json"));
            await using var dataSource = await Database.OpenMigratedAsync(ct);
            await using var run = await ForegroundRun.StartAsync(dataSource, definition, line => Console.Error.WriteLine($"graphguard: {line}"), ct);
            var quiet = parse.GetValue(json);
            if (!quiet)
            {
                AnsiConsole.MarkupLine(Markup.Escape($"run {run.RunId} of pipeline {definition.Name}"));
            }
            var result = quiet || Console.IsOutputRedirected
                ? await run.RunAsync(new Lines(quiet, null), ct)
                : await RunWithStatusAsync(run, ct);
            return JsonOutput.Report(parse, json, result,
                () => AnsiConsole.MarkupLine(Markup.Escape($"run {result.RunId} published in {result.Seconds:0.0} s with model {result.ModelVersion}")));
        });
    }

    private static async Task<ForegroundRunResult> RunWithStatusAsync(ForegroundRun run, CancellationToken ct)
    {
        ForegroundRunResult result = null!;
        await AnsiConsole.Status().StartAsync("starting", async context =>
            result = await run.RunAsync(new Lines(false, note => context.Status(Markup.Escape(note))), ct));
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
