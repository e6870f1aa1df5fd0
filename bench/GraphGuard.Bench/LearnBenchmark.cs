using System.CommandLine;
using System.Diagnostics;
using GraphGuard.Workflows.Progress;
using GraphGuard.Workflows.Risk;
using GraphGuard.Learning.Risk;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Xgboost;
using GraphGuard.Storage.Database;
using GraphGuard.Storage.Snapshots;
using Npgsql;
using Spectre.Console;

namespace GraphGuard.Bench;

/// <summary>
/// <c>graphguard-bench learn</c>: the learning half of the risk model on the benchmark world — GraphSAGE epoch
/// time and embeddings per second; XGBoost on the risk feature matrix beside Debian's <c>xgboost</c> tool
/// (same matrix, parameters and rounds, no early stopping on either side); peak memory of the whole job.
/// </summary>
internal static class LearnBenchmark
{
    private const double GoalOverhead = 1.10;
    private const long GoalMemoryBytes = 8L << 30;

    public static Command Create()
    {
        var rounds = new Option<int>("--rounds") { Description = "Boosting rounds on each side", DefaultValueFactory = _ => 200 };
        var repeats = new Option<int>("--repeats") { Description = "Alternating runs of each side; the medians are compared", DefaultValueFactory = _ => 3 };
        var epochs = new Option<int>("--epochs") { Description = "GraphSAGE epochs to time", DefaultValueFactory = _ => 2 };
        var threads = new Option<int>("--threads") { Description = "XGBoost threads on both sides (default: every core)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var database = new Option<string>("--database") { Description = "The database holding the world", DefaultValueFactory = _ => IngestBenchmark.BenchDatabase };
        var json = JsonOutput.Option();
        var command = new Command("learn", $"Time GraphSAGE and XGBoost (beside the xgboost CLI) on the risk features of the world in '{IngestBenchmark.BenchDatabase}'")
        {
            rounds, repeats, epochs, threads, database, json,
        };
        CliAction.Set(command, async (parse, ct) =>
        {
            if (!XgboostCliReference.Available())
            {
                throw new InvalidOperationException($"{XgboostCliReference.Tool} not found: apt-get install xgboost (scripts/setup.sh does)");
            }
            await using var dataSource = NpgsqlDataSource.Create(await DatabaseConnector.ResolveAsync(parse.GetValue(database), ct));
            var log = new StageLog("bench learn", Console.Error.WriteLine);
            var (input, _) = await RiskInputs.LoadAsync(dataSource, SnapshotWindow.All, log, ct);
            LearnResult result;
            using (input.Relations)
            {
                var settings = new Settings(Math.Max(1, parse.GetValue(rounds)), Math.Max(1, parse.GetValue(repeats)), Math.Max(1, parse.GetValue(epochs)), Math.Max(1, parse.GetValue(threads)));
                result = await MeasureAsync(input, settings, log, ct);
            }
            result = result with { StageSeconds = log.Seconds, PeakMemoryBytes = Process.GetCurrentProcess().PeakWorkingSet64 };
            return JsonOutput.Report(parse, json, result, () => Print(result));
        });
        return command;
    }

    private sealed record Settings(int Rounds, int Repeats, int Epochs, int Threads);

    private static async Task<LearnResult> MeasureAsync(RiskInput input, Settings settings, StageLog log, CancellationToken ct)
    {
        var (rounds, repeats, epochs) = (settings.Rounds, settings.Repeats, settings.Epochs);
        var features = RiskFeatures.WithNeighborLabels(input);
        var sage = new RiskTrainingOptions().Embedding! with { Epochs = epochs };
        var embedding = RiskEmbedding.Train(features, input.Relations.Graph, sage, new SynchronousProgress<SageEpoch>(e => log.Note($"GraphSAGE epoch {e.Epoch}: {e.Duration.TotalSeconds:0.0} s, {e.Batches} batches")), ct);
        var history = embedding.Model.History;
        log.Done("GraphSAGE training", $"{history.Count} epochs");
        var scaled = embedding.Scaler.Transform(features);
        var clock = Stopwatch.StartNew();
        var vectors = embedding.Model.Embed(input.Relations.Graph, scaled, new SageInferenceOptions { CancellationToken = ct });
        var inference = clock.Elapsed.TotalSeconds;
        log.Done("GraphSAGE inference", $"{input.Relations.Graph.NodeCount:N0} embeddings");
        features = RiskFeatures.WithEmbedding(features, embedding, input.Relations.Graph);

        var labeled = Enumerable.Range(0, input.Labels.Count).Where(r => input.Labels[r] is not null).ToArray();
        var labels = labeled.Select(r => input.Labels[r] == true ? 1f : 0f).ToArray();
        var values = features.RowsOf(labeled);
        var parameters = new RiskTrainingOptions().Booster with { Threads = settings.Threads };
        using var reference = new XgboostCliReference();
        reference.WriteMatrix(values, labels, features.ColumnCount);
        log.Done("matrix", $"{labeled.Length:N0} labeled accounts x {features.ColumnCount} features, written as CSV too");

        var ours = new List<double>();
        var theirs = new List<double>();
        var loading = 0.0;
        var building = 0.0;
        float[] ourPredictions = [];
        using var matrix = XgboostMatrix.FromDense(values, labeled.Length, features.ColumnCount, labels);

        // A round untimed first: the first training in a process also starts OpenMP's threads, which the CLI
        // does while it loads its data, outside its training-loop time.
        XgboostTrainer.Train(matrix, null, new XgboostTrainingOptions { Parameters = parameters, Rounds = 1 }).Booster.Dispose();
        for (var run = 0; run < repeats; run++)
        {
            clock.Restart();
            using (var fresh = XgboostMatrix.FromDense(values, labeled.Length, features.ColumnCount, labels))
            {
                building = clock.Elapsed.TotalSeconds;
                clock.Restart();
                using var trained = XgboostTrainer.Train(fresh, null, new XgboostTrainingOptions { Parameters = parameters, Rounds = rounds }).Booster;
                ours.Add(clock.Elapsed.TotalSeconds);
                ourPredictions = trained.Predict(matrix);
            }
            var (training, load) = await reference.TrainAsync(parameters, rounds, ct);
            theirs.Add(training);
            loading = load;
            log.Note($"run {run + 1}: binding {ours[^1]:0.00} s, xgboost CLI {training:0.00} s");
        }
        using var cliModel = XgboostBooster.LoadFile(reference.ModelPath);
        var cliPredictions = cliModel.Predict(matrix);
        var difference = ourPredictions.Zip(cliPredictions, (a, b) => Math.Abs(a - b)).Max();
        log.Done("XGBoost", $"{rounds} rounds, {repeats} runs each side");

        return new LearnResult
        {
            Accounts = input.Relations.Graph.NodeCount,
            Relations = input.Relations.Graph.Relations.ToDictionary(r => r.Name, r => r.Graph.EdgeCount),
            SageEpochSeconds = [.. history.Select(e => Math.Round(e.Duration.TotalSeconds, 2))],
            SageBatchesPerEpoch = history.Count == 0 ? 0 : history[0].Batches,
            SageTargetNodesPerSecond = history.Count == 0 ? 0 : Math.Round(history.Average(e => e.TargetNodes / e.Duration.TotalSeconds)),
            InferenceSeconds = Math.Round(inference, 2),
            EmbeddingsPerSecond = Math.Round(vectors.Length / embedding.Model.EmbeddingDimension / inference),
            XgboostRows = labeled.Length,
            XgboostColumns = features.ColumnCount,
            XgboostRounds = rounds,
            BindingSeconds = [.. ours.Select(s => Math.Round(s, 3))],
            CliSeconds = [.. theirs.Select(s => Math.Round(s, 3))],
            Ratio = Math.Round(ours.Min() / theirs.Min(), 3),
            MedianRatio = Math.Round(Median(ours) / Median(theirs), 3),
            BindingMatrixSeconds = Math.Round(building, 3),
            CliLoadingSeconds = Math.Round(loading, 3),
            MaxPredictionDifference = difference,
            Threads = parameters.Threads,
        };
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Print(LearnResult r)
    {
        AnsiConsole.MarkupLine(Markup.Escape($"world: {r.Accounts:N0} accounts; relations: {string.Join(", ", r.Relations.Select(x => $"{x.Key} {x.Value / 2:N0} ties"))}"));
        AnsiConsole.MarkupLine(Markup.Escape($"GraphSAGE: epochs {string.Join(", ", r.SageEpochSeconds.Select(s => $"{s:0.0} s"))} ({r.SageBatchesPerEpoch:N0} batches, {r.SageTargetNodesPerSecond:N0} target nodes/s); inference {r.InferenceSeconds:0.0} s = {r.EmbeddingsPerSecond:N0} embeddings/s"));
        var table = new Table().AddColumns("XGBoost, same matrix and parameters", "fastest run s", "median s", "runs");
        table.AddRow("our binding", $"{r.BindingSeconds.Min():0.000}", $"{Median([.. r.BindingSeconds]):0.000}", string.Join(", ", r.BindingSeconds));
        table.AddRow("xgboost CLI", $"{r.CliSeconds.Min():0.000}", $"{Median([.. r.CliSeconds]):0.000}", string.Join(", ", r.CliSeconds));
        AnsiConsole.Write(table);
        var overhead = r.Ratio <= GoalOverhead ? "[green]goal met[/]" : "[red]goal missed[/]";
        AnsiConsole.MarkupLine(Markup.Escape($"{r.XgboostRows:N0} rows x {r.XgboostColumns} features, {r.XgboostRounds} rounds, {r.Threads} threads; ratio of fastest runs {r.Ratio:0.000} (goal <= {GoalOverhead:0.00}), of medians {r.MedianRatio:0.000}; models agree to {r.MaxPredictionDifference:G3}; matrix: ours {r.BindingMatrixSeconds:0.00} s from memory, CLI {r.CliLoadingSeconds:0.00} s from CSV") + " " + overhead);
        var memory = r.PeakMemoryBytes <= GoalMemoryBytes ? "[green]goal met[/]" : "[red]goal missed[/]";
        AnsiConsole.MarkupLine($"peak memory {r.PeakMemoryBytes / (1024.0 * 1024 * 1024):0.00} GiB (goal < 8 GiB): {memory}");
    }
}
