using GraphGuard.Learning.Evaluation;

namespace GraphGuard.Workflows.Datasets;

/// <summary><c>eval --dataset --json</c>: a benchmark folder's shape and each model's metrics over the seeds.</summary>
/// <param name="Dataset">The folder.</param>
/// <param name="Nodes">Nodes in the graph.</param>
/// <param name="Positives">Nodes labeled positive.</param>
/// <param name="Features">Feature columns.</param>
/// <param name="Relations">Each relation with its undirected edges.</param>
/// <param name="Seeds">Splits averaged over.</param>
/// <param name="ScoredOn">Which splits the metrics come from.</param>
/// <param name="Rows">One row per model.</param>
public sealed record DatasetEvaluationReport(
    string Dataset, int Nodes, int Positives, int Features, IReadOnlyList<DatasetEvaluationReport.Relation> Relations, int Seeds, string ScoredOn,
    IReadOnlyList<DatasetEvaluationReport.Row> Rows)
{
    /// <summary>A relation of the graph.</summary>
    public sealed record Relation(string Name, long Edges);

    /// <summary>A metric's mean and standard deviation over the seeds.</summary>
    public sealed record Metric(double Mean, double Std);

    /// <summary>One seed's metrics.</summary>
    public sealed record Seed(double Auroc, double Auprc, double RecallAtK);

    /// <summary>One model's metrics.</summary>
    public sealed record Row(string Name, string Description, Metric Auroc, Metric Auprc, Metric RecallAtK, double Seconds, IReadOnlyList<Seed> PerSeed);

    public static DatasetEvaluationReport Of(string dir, LabeledGraph data, int seeds, IReadOnlyList<EvaluationRow> rows, string scope) => new(
        dir, data.NodeCount, data.Positives, data.Features.ColumnCount,
        [.. data.Graph.Relations.Select(r => new Relation(r.Name, r.Graph.EdgeCount / 2))],
        seeds, scope,
        [.. rows.Select(r => new Row(r.Name, r.Description, Of(r.Auroc), Of(r.Auprc), Of(r.RecallAtK), Math.Round(r.Time.TotalSeconds, 2),
            [.. r.Seeds.Select(s => new Seed(s.Auroc, s.Auprc, s.RecallAtK))]))]);

    /// <summary>The line printed before the evaluation.</summary>
    public static string Describe(string dir, LabeledGraph data) =>
        $"{dir}: {data.NodeCount:N0} nodes, {data.Positives:N0} positive, {data.Features.ColumnCount} features, relations " +
        string.Join(", ", data.Graph.Relations.Select(r => $"{r.Name} ({r.Graph.EdgeCount / 2:N0} edges)"));

    private static Metric Of(MetricSummary summary) => new(summary.Mean, summary.StandardDeviation);
}
