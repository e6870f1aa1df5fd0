namespace GraphGuard.Learning.Evaluation;

/// <summary>One model's results over the seeds of a <see cref="DatasetEvaluation"/>.</summary>
/// <param name="Name">Short name, as the tables print it.</param>
/// <param name="Description">What the model sees.</param>
/// <param name="Seeds">Measures on the scored part of each seed's split (the test rows; the validation rows when tuning).</param>
/// <param name="Time">Wall time over all seeds, including the parts it shares with other rows (aggregation, GraphSAGE training).</param>
public sealed record EvaluationRow(string Name, string Description, IReadOnlyList<BinaryEvaluation> Seeds, TimeSpan Time)
{
    public MetricSummary Auroc => Summary(e => e.Auroc);

    public MetricSummary Auprc => Summary(e => e.Auprc);

    public MetricSummary RecallAtK => Summary(e => e.RecallAtK);

    private MetricSummary Summary(Func<BinaryEvaluation, double> metric) => MetricSummary.Of([.. Seeds.Select(metric)]);
}
