using System.Diagnostics;
using GraphGuard.Core.Features;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Evaluation;

/// <summary>
/// GADBench's fully supervised protocol (Tang et al., NeurIPS 2023) on a <see cref="LabeledGraph"/>: per seed a
/// stratified 40/20/40 split; every model fits on the training rows, stops early and makes its choices on the
/// validation rows, and is measured on the test rows only (AUROC, AUPRC, Recall@K with K = test positives).
/// </summary>
public static class DatasetEvaluation
{
    public const string FeaturesRow = "xgboost-features";
    public const string ReferenceRow = "xgbgraph-reference";
    public const string GraphRow = "xgbgraph";
    public const string SageRow = "graphsage";
    public const string StackedRow = "graphsage+xgbgraph";

    public static IReadOnlyList<EvaluationRow> Run(
        LabeledGraph data,
        DatasetEvaluationOptions options,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var features = data.Features;
        // Aggregates are label-free, so one computation serves every seed; its time is charged to each row that reads it.
        var (reference, referenceTime) = Timed(() => WithAggregates(data, NeighborStatistics.Reference));
        var (graph, graphTime) = Timed(() => WithAggregates(data, options.Aggregation));
        var rows = new RowRecorder[]
        {
            new(FeaturesRow, "XGBoost on the node features"),
            new(ReferenceRow, "ref_eval.py's XGBGraph replayed: features + mean/max/degree, its settings"),
            new(GraphRow, $"XGBoost on features + neighbour {Describe(options.Aggregation)}"),
            new(SageRow, "GraphSAGE alone (supervised, its probability)"),
            new(StackedRow, "XGBoost on features + neighbour aggregates + GraphSAGE embedding"),
        };
        rows[1].Charge(referenceTime);
        rows[2].Charge(graphTime);
        rows[4].Charge(graphTime);
        for (var seed = 0; seed < options.Seeds; seed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var split = DataSplit.Stratified(data.Labels, seed);
            var xgboost = WithSeed(options.Xgboost, seed);
            rows[0].Record(split, data.Labels, () => XgboostScoring.TrainAndScore(features, data.Labels, split, xgboost));
            rows[1].Record(split, data.Labels, () => XgboostScoring.TrainAndScore(reference, data.Labels, split, WithSeed(options.Reference, seed)));
            rows[2].Record(split, data.Labels, () => XgboostScoring.TrainAndScore(graph, data.Labels, split, xgboost));
            SageModel? model = null;
            rows[3].Record(split, data.Labels, () =>
            {
                model = TrainSage(data, split, options.Sage with { Seed = (ulong)seed + 1 }, cancellationToken);
                return SplitScores.FromNodes(model.PredictProbabilities(data.Graph, features.Values), split);
            });
            rows[4].Charge(rows[3].LastTime);
            rows[4].Record(split, data.Labels, () =>
            {
                var embedding = Embedding(model!, data);
                return XgboostScoring.TrainAndScore(FeatureBlocks.Join(graph, embedding), data.Labels, split, xgboost);
            });
            foreach (var row in rows)
            {
                progress?.Report(row.LastLine(seed, options.Seeds));
            }
        }
        return [.. rows.Select(r => r.ToRow())];
    }

    internal static FeatureMatrix WithAggregates(LabeledGraph data, NeighborStatistics statistics) =>
        FeatureBlocks.Join(data.Features, NeighborAggregation.Aggregate(data.Features, data.Graph, statistics));

    private static SageModel TrainSage(LabeledGraph data, DataSplit split, SageOptions options, CancellationToken cancellationToken)
    {
        var supervision = new SageSupervision(split.Train, [.. split.Train.Select(v => data.Labels[v])])
        {
            ValidationNodes = split.Validation,
            ValidationLabels = [.. split.Validation.Select(v => data.Labels[v])],
        };
        return GraphSageTrainer.Train(data.Graph, data.Features.Values, supervision, options, cancellationToken: cancellationToken);
    }

    private static FeatureMatrix Embedding(SageModel model, LabeledGraph data)
    {
        var values = model.Embed(data.Graph, data.Features.Values);
        IReadOnlyList<string> names = [.. Enumerable.Range(0, model.EmbeddingDimension).Select(i => $"sage_{i}")];
        return new FeatureMatrix(names, data.Features.AccountIds, values);
    }

    internal static XgboostTrainingOptions WithSeed(XgboostTrainingOptions options, int seed) =>
        options with { Parameters = options.Parameters with { Seed = seed } };

    private static string Describe(NeighborStatistics statistics) =>
        string.Join('/', Enum.GetValues<NeighborStatistics>()
            .Where(s => s != NeighborStatistics.None && s != NeighborStatistics.Reference && statistics.HasFlag(s))
            .Select(s => s.ToString().ToLowerInvariant()));

    private static (T Value, TimeSpan Time) Timed<T>(Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var value = work();
        return (value, watch.Elapsed);
    }
}
