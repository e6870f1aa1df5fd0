using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Learning.Evaluation;
using GraphGuard.Learning.Risk;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Torch;
using GraphGuard.Learning.Torch.Sage;
using GraphGuard.Workflows.Datasets;
using GraphGuard.Workflows.Evaluation;
using Figure = GraphGuard.Bench.Comparisons.SageEnginesResult.Figure;

namespace GraphGuard.Bench;

/// <summary>
/// <c>graphguard-bench sage-engines</c> (issue 18): our GraphSAGE beside the same model on libtorch (TorchSharp), in
/// one run, on the same inputs — the GADBench protocol on a dataset folder (<c>eval --dataset</c>), the risk model on a
/// generated world (<c>eval --world</c>), and epoch seconds, embeddings/s and peak memory on a large random graph.
/// Each part runs our engine first, then libtorch's; every figure is printed with libtorch / ours.
/// </summary>
internal static partial class SageEnginesBenchmark
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo?>("--dataset") { Description = "A benchmark folder (eval --dataset's layout), e.g. ../shared/datasets/yelpchi_rur_subgraph" };
        var seeds = new Option<int>("--seeds") { Description = "With --dataset: splits to average over", DefaultValueFactory = _ => 5 };
        var world = new Option<DirectoryInfo?>("--world") { Description = "A generated world folder (graphguard generate): the risk model's AUROC on its unlabeled accounts" };
        var accounts = new Option<int>("--accounts") { Description = "Nodes of the random graph timed for epoch seconds and embeddings/s (0 skips it)", DefaultValueFactory = _ => 1_000_000 };
        var edges = new Option<long>("--edges") { Description = "Random ties in each of its three relations", DefaultValueFactory = _ => 2_000_000 };
        var epochs = new Option<int>("--epochs") { Description = "Link-prediction epochs timed on the random graph (0: inference only)", DefaultValueFactory = _ => 1 };
        var device = new Option<string>("--device") { Description = "libtorch's device: auto (CUDA when present), cpu or cuda", DefaultValueFactory = _ => "auto" };
        var json = JsonOutput.Option();
        var command = new Command("sage-engines", "GraphSAGE, ours beside libtorch's (TorchSharp): quality, epoch time, embeddings/s and memory in one run")
        {
            dataset, seeds, world, accounts, edges, epochs, device, json,
        };
        CliAction.Set(command, async (parse, ct) =>
        {
            var log = new StageLog("bench sage-engines", Console.Error.WriteLine);
            var torch = new TorchSageEngine(parse.GetValue(device)!);
            var figures = new List<Figure>();
            var start = Uptime();
            log.Note($"{TorchRuntime.Describe()}; {start}");
            if (Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null)
            {
                // libtorch's OpenMP threads spin at every barrier; on a shared machine a thread that loses its core stalls them all.
                log.Note("OMP_WAIT_POLICY is not set: on a busy machine libtorch's spinning OpenMP threads cost it several times over (scripts/bench.sh sets it to passive)");
            }
            if (parse.GetValue(dataset) is { } folder)
            {
                figures.AddRange(Dataset(folder.FullName, Math.Max(1, parse.GetValue(seeds)), torch, log, ct));
            }
            if (parse.GetValue(world) is { } generated)
            {
                figures.AddRange(await WorldAsync(generated.FullName, torch, log, ct));
            }
            if (parse.GetValue(accounts) is > 0 and var n)
            {
                figures.AddRange(Scale(n, Math.Max(1, parse.GetValue(edges)), Math.Max(0, parse.GetValue(epochs)), torch, log, ct));
            }
            var result = new SageEnginesResult { Torch = TorchRuntime.Describe(), LoadAtStart = start, LoadAtEnd = Uptime(), Figures = figures };
            return JsonOutput.Report(parse, json, result, () => Print(result));
        });
        return command;
    }

    /// <summary>The GADBench protocol with each engine; the XGBoost-only rows are the same for both and left out.</summary>
    private static IEnumerable<Figure> Dataset(string dir, int seeds, SageEngine torch, StageLog log, CancellationToken ct)
    {
        var data = DatasetFolder.Read(dir);
        var rows = new Dictionary<SageEngine, IReadOnlyList<EvaluationRow>>();
        foreach (var engine in new[] { SageEngine.HandWritten, torch })
        {
            var progress = new SynchronousProgress<string>(line => log.Note($"{engine.Name}: {line}"));
            rows[engine] = DatasetEvaluation.Run(data, new DatasetEvaluationOptions { Seeds = seeds, Engine = engine, GraphSageRowsOnly = true }, progress, ct);
            log.Done($"dataset, {engine.Name}", $"{seeds} seeds");
        }
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));
        foreach (var row in new[] { DatasetEvaluation.SageRow, DatasetEvaluation.StackedRow, DatasetEvaluation.BlendRow })
        {
            var ours = rows[SageEngine.HandWritten].Single(r => r.Name == row);
            var theirs = rows[torch].Single(r => r.Name == row);
            var part = $"{name} {row}";
            yield return new Figure(part, "AUROC", ours.Auroc.Mean, theirs.Auroc.Mean, "");
            yield return new Figure(part, "AUPRC", ours.Auprc.Mean, theirs.Auprc.Mean, "");
            yield return new Figure(part, "Rec@K", ours.RecallAtK.Mean, theirs.RecallAtK.Mean, "");
            yield return new Figure(part, $"time, {seeds} seeds", ours.Time.TotalSeconds, theirs.Time.TotalSeconds, "s");
        }
    }

    /// <summary><c>eval --world</c> with the embedding trained by each engine (scoring embeds with ours for both: the same model format).</summary>
    private static async Task<IEnumerable<Figure>> WorldAsync(string dir, SageEngine torch, StageLog log, CancellationToken ct)
    {
        var database = WorldStore.DatabaseFor(dir);
        await using var dataSource = await WorldStore.OpenIngestedAsync(dir, null, ct);
        log.Done("ingest", $"{dir} in database {database}");
        var results = new Dictionary<SageEngine, (WorldEvaluationResult Result, long Memory)>();
        foreach (var engine in new[] { SageEngine.HandWritten, torch })
        {
            using var peak = new WorkingSetPeak();
            var stages = new StageLog($"world, {engine.Name}", Console.Error.WriteLine);
            var result = await WorldEvaluation.RunAsync(dataSource, dir, database, new RiskTrainingOptions { EmbeddingEngine = engine }, null, stages, ct);
            results[engine] = (result, peak.Bytes);
            log.Done($"world, {engine.Name}", $"AUROC {result.Auroc:0.00000}");
        }
        var (ours, theirs) = (results[SageEngine.HandWritten], results[torch]);
        var part = $"world {Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))} ({ours.Result.Accounts:N0} accounts, {ours.Result.Unlabeled:N0} unlabeled)";
        return
        [
            new Figure(part, "risk AUROC, unlabeled", ours.Result.Auroc, theirs.Result.Auroc, ""),
            new Figure(part, "risk AUPRC, unlabeled", ours.Result.Auprc, theirs.Result.Auprc, ""),
            new Figure(part, "risk Recall@K, unlabeled", ours.Result.RecallAtK, theirs.Result.RecallAtK, ""),
            // The training stage: neighbour labels, the embedding (trained by the engine, embedded by ours), XGBoost.
            new Figure(part, "risk training stage", ours.Result.Seconds.GetValueOrDefault("training"), theirs.Result.Seconds.GetValueOrDefault("training"), "s"),
            new Figure(part, "peak memory above start", ours.Memory / 1048576.0, theirs.Memory / 1048576.0, "MiB"),
        ];
    }

    private static string Uptime()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load average {fields[0]}, {fields[1]}, {fields[2]}";
        }
        catch (IOException)
        {
            return "load unknown";
        }
    }

    private static void Time(Action work, out double seconds)
    {
        var watch = Stopwatch.StartNew();
        work();
        seconds = watch.Elapsed.TotalSeconds;
    }
}
