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
    public const string BlendRow = "blend";

    public static IReadOnlyList<EvaluationRow> Run(
        LabeledGraph data,
        DatasetEvaluationOptions options,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var models = new EvaluationModels(data, options, cancellationToken);
        RowRecorder features = new(FeaturesRow, "XGBoost on the node features"),
            reference = new(ReferenceRow, "ref_eval.py's XGBGraph replayed: features + neighbour mean/max/degree, its booster settings"),
            graph = new(GraphRow, $"XGBoost on features + neighbour {Describe(options.Aggregation)}"),
            sage = new(SageRow, "GraphSAGE alone (supervised on standardized features, its probability)"),
            stacked = new(StackedRow, $"XGBoost on xgbgraph's input + {options.StackedEmbedding.ToString().ToLowerInvariant()} GraphSAGE embedding"),
            blend = new(BlendRow, $"rank average of {StackedRow} and {SageRow}, the weight chosen per seed on validation AUPRC");
        // The XGBoost-only rows do not read GraphSAGE: a comparison of engines can leave them out.
        RowRecorder[] rows = options.GraphSageRowsOnly ? [sage, stacked, blend] : [features, reference, graph, sage, stacked, blend];

        // Label-free inputs are built once for every seed; each row that reads one is charged its time.
        if (!options.GraphSageRowsOnly)
        {
            reference.Charge(models.ReferenceInputTime);
        }
        foreach (var row in (RowRecorder[])[graph, stacked, blend])
        {
            row.Charge(models.GraphInputTime);
        }
        foreach (var row in (RowRecorder[])[sage, stacked, blend])
        {
            row.Charge(models.SageInputTime);
        }
        var weights = new List<double>();
        for (var seed = 0; seed < options.Seeds; seed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var split = DataSplit.Stratified(data.Labels, seed);
            if (!options.GraphSageRowsOnly)
            {
                features.Record(split, data.Labels, () => models.NodeFeatures(split, seed));
                reference.Record(split, data.Labels, () => models.ReferenceGraph(split, seed));
                graph.Record(split, data.Labels, () => models.AggregatedGraph(split, seed));
            }
            Sage.SageModel? model = null;
            var sageScores = sage.Record(split, data.Labels, () =>
            {
                (var scores, model) = models.Sage(split, seed);
                return scores;
            });
            // The supervised model is trained once for both rows that need it.
            stacked.Charge(options.StackedEmbedding == SageEmbeddingSource.Supervised ? sage.LastTime : TimeSpan.Zero);
            var stackedScores = stacked.Record(split, data.Labels, () => models.Stacked(split, seed, model!));
            // The stacked row, the best single model on validation (docs/evaluation.md), blended with a different family.
            blend.Charge(stacked.LastTime + sage.LastTime);
            blend.Record(split, data.Labels, () =>
            {
                var (scores, weight) = RankBlend.Choose(stackedScores, sageScores, [.. split.Validation.Select(v => data.Labels[v])]);
                weights.Add(weight);
                return scores;
            });
            foreach (var row in rows)
            {
                progress?.Report(row.LastLine(seed, options.Seeds));
            }
            progress?.Report($"seed {seed + 1}/{options.Seeds}  {BlendRow} chose graphsage weight {weights[^1]}");
        }
        return [.. rows.Select(r => r.ToRow())];
    }

    private static string Describe(NeighborStatistics statistics) =>
        string.Join('/', Enum.GetValues<NeighborStatistics>()
            .Where(s => s != NeighborStatistics.None && s != NeighborStatistics.Reference && statistics.HasFlag(s))
            .Select(s => s.ToString().ToLowerInvariant()));
}
