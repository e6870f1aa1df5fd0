using System.Diagnostics;
using GraphGuard.Core.Features;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Evaluation;

/// <summary>
/// The models of a <see cref="DatasetEvaluation"/> on one data set, each scoring a split's validation and test
/// rows. Label-free inputs (aggregates, standardized features) are built once, on first use, and their time
/// is kept so that rows reading them can be charged for it.
/// </summary>
internal sealed class EvaluationModels(LabeledGraph data, DatasetEvaluationOptions options, CancellationToken cancellationToken)
{
    private (FeatureMatrix Matrix, TimeSpan Time)? _reference;
    private (FeatureMatrix Matrix, TimeSpan Time)? _graph;
    private (float[] Values, TimeSpan Time)? _sageInput;

    public TimeSpan ReferenceInputTime => Reference.Time;

    public TimeSpan GraphInputTime => Graph.Time;

    public TimeSpan SageInputTime => SageInput.Time;

    private (FeatureMatrix Matrix, TimeSpan Time) Reference => _reference ??= Timed(() => WithAggregates(data, NeighborStatistics.Reference));

    private (FeatureMatrix Matrix, TimeSpan Time) Graph => _graph ??= Timed(() => WithAggregates(data, options.Aggregation));

    // GraphSAGE's layers are not scale-invariant, unlike trees; see DatasetEvaluationOptions.StandardizeSageInput.
    private (float[] Values, TimeSpan Time) SageInput => _sageInput ??= options.StandardizeSageInput
        ? Timed(() => FeatureScaling.Standardize(data.Features))
        : (data.Features.Values, TimeSpan.Zero);

    public static FeatureMatrix WithAggregates(LabeledGraph data, NeighborStatistics statistics) =>
        FeatureBlocks.Join(data.Features, NeighborAggregation.Aggregate(data.Features, data.Graph, statistics));

    /// <summary>XGBoost on the node features alone.</summary>
    public SplitScores NodeFeatures(DataSplit split, int seed) => Xgboost(data.Features, split, options.Xgboost, seed);

    /// <summary>ref_eval.py's XGBGraph: its aggregates and its booster settings.</summary>
    public SplitScores ReferenceGraph(DataSplit split, int seed) => Xgboost(Reference.Matrix, split, options.Reference, seed);

    /// <summary>XGBoost on the node features and the chosen neighbour aggregates.</summary>
    public SplitScores AggregatedGraph(DataSplit split, int seed) => Xgboost(Graph.Matrix, split, options.Xgboost, seed);

    /// <summary>Supervised GraphSAGE, early-stopped on validation AUROC; its probability is the score.</summary>
    public (SplitScores Scores, SageModel Model) Sage(DataSplit split, int seed)
    {
        var supervision = new SageSupervision(split.Train, [.. split.Train.Select(v => data.Labels[v])])
        {
            ValidationNodes = split.Validation,
            ValidationLabels = [.. split.Validation.Select(v => data.Labels[v])],
        };
        var input = SageInput.Values;
        var model = options.Engine.Train(data.Graph, input, supervision, options.Sage with { Seed = SageSeed(seed) }, cancellationToken: cancellationToken);
        return (SplitScores.FromNodes(options.Engine.PredictProbabilities(model, data.Graph, input, cancellationToken), split), model);
    }

    /// <summary>XGBoost on the features, the chosen aggregates and a GraphSAGE embedding (the supervised model's, or a label-free one trained here).</summary>
    public SplitScores Stacked(DataSplit split, int seed, SageModel supervised)
    {
        var model = options.StackedEmbedding == SageEmbeddingSource.Supervised
            ? supervised
            : options.Engine.Train(data.Graph, SageInput.Values, null, options.UnsupervisedSage with { Seed = SageSeed(seed) }, cancellationToken: cancellationToken);
        var values = options.Engine.Embed(model, data.Graph, SageInput.Values, cancellationToken);
        IReadOnlyList<string> names = [.. Enumerable.Range(0, model.EmbeddingDimension).Select(i => $"sage_{i}")];
        var embedding = new FeatureMatrix(names, data.Features.AccountIds, values);
        return Xgboost(FeatureBlocks.Join(Graph.Matrix, embedding), split, options.Xgboost, seed);
    }

    private SplitScores Xgboost(FeatureMatrix features, DataSplit split, XgboostTrainingOptions xgboost, int seed)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return XgboostScoring.TrainAndScore(features, data.Labels, split, xgboost with { Parameters = xgboost.Parameters with { Seed = seed } });
    }

    private static ulong SageSeed(int seed) => (ulong)seed + 1;

    private static (T Value, TimeSpan Time) Timed<T>(Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var value = work();
        return (value, watch.Elapsed);
    }
}
