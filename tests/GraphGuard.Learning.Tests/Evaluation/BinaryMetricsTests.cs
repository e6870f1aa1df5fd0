using GraphGuard.Learning.Evaluation;

namespace GraphGuard.Learning.Tests.Evaluation;

public sealed class BinaryMetricsTests
{
    // scikit-learn's documented example: roc_auc_score 0.75, average_precision_score 0.8333.
    private static readonly float[] ExampleScores = [0.1f, 0.4f, 0.35f, 0.8f];
    private static readonly bool[] ExampleLabels = [false, false, true, true];

    [Test]
    public void Auroc_and_average_precision_match_scikit_learns_documented_example()
    {
        Assert.That(BinaryMetrics.Auroc(ExampleScores, ExampleLabels), Is.EqualTo(0.75).Within(1e-12));
        Assert.That(BinaryMetrics.AveragePrecision(ExampleScores, ExampleLabels), Is.EqualTo(5.0 / 6).Within(1e-12));
    }

    [Test]
    public void Auroc_is_the_share_of_positive_negative_pairs_ordered_right_ties_counting_half([Values(1, 2, 3)] int seed)
    {
        var (scores, labels) = RandomScores(seed, 300);
        double pairs = 0, right = 0;
        for (int p = 0; p < scores.Length; p++)
        {
            for (int n = 0; n < scores.Length; n++)
            {
                if (labels[p] && !labels[n])
                {
                    pairs++;
                    right += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
                }
            }
        }

        Assert.That(BinaryMetrics.Auroc(scores, labels), Is.EqualTo(right / pairs).Within(1e-12));
    }

    [Test]
    public void Average_precision_is_the_mean_over_positives_of_precision_at_their_score([Values(1, 2, 3)] int seed)
    {
        // Every row scored at least as high as a positive is flagged with it: tied rows share one threshold.
        var (scores, labels) = RandomScores(seed, 300);
        var precisions = new List<double>();
        for (int i = 0; i < scores.Length; i++)
        {
            if (labels[i])
            {
                var flagged = Enumerable.Range(0, scores.Length).Where(j => scores[j] >= scores[i]).ToArray();
                precisions.Add(flagged.Count(j => labels[j]) / (double)flagged.Length);
            }
        }

        Assert.That(BinaryMetrics.AveragePrecision(scores, labels), Is.EqualTo(precisions.Average()).Within(1e-12));
    }

    [Test]
    public void Recall_at_k_counts_positives_among_the_top_k_with_k_the_positive_count()
    {
        Assert.That(BinaryMetrics.RecallAtK([0.9f, 0.8f, 0.7f, 0.6f], [true, false, true, false]), Is.EqualTo(0.5));
        Assert.That(BinaryMetrics.RecallAtK([0.9f, 0.8f, 0.7f, 0.6f], [true, false, true, false], k: 3), Is.EqualTo(1.0));
    }

    [Test]
    public void Recall_at_k_takes_a_tie_across_the_cut_in_proportion()
    {
        // K = 2: the 0.9 positive, then one of the two tied rows, which hold one positive: 1.5 of 2 expected.
        float[] scores = [0.9f, 0.5f, 0.5f, 0.1f];
        Assert.That(BinaryMetrics.RecallAtK(scores, [true, true, false, false]), Is.EqualTo(0.75));
    }

    [Test]
    public void Evaluate_gives_the_three_metrics_at_once()
    {
        var (scores, labels) = RandomScores(4, 200);
        var all = BinaryMetrics.Evaluate(scores, labels);

        Assert.That(all.Auroc, Is.EqualTo(BinaryMetrics.Auroc(scores, labels)));
        Assert.That(all.Auprc, Is.EqualTo(BinaryMetrics.AveragePrecision(scores, labels)));
        Assert.That(all.RecallAtK, Is.EqualTo(BinaryMetrics.RecallAtK(scores, labels)));
    }

    [Test]
    public void Perfect_and_constant_scores_give_the_extremes()
    {
        float[] perfect = [0.1f, 0.2f, 0.8f, 0.9f];
        bool[] labels = [false, false, true, true];
        Assert.That(BinaryMetrics.Evaluate(perfect, labels), Is.EqualTo(new BinaryEvaluation(1, 1, 1)));
        Assert.That(BinaryMetrics.Auroc([0.5f, 0.5f, 0.5f, 0.5f], labels), Is.EqualTo(0.5));
        Assert.That(BinaryMetrics.AveragePrecision([0.5f, 0.5f, 0.5f, 0.5f], labels), Is.EqualTo(0.5));
    }

    [Test]
    public void Unusable_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Auroc([0.1f, 0.2f], [false, false]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Auroc([0.1f, 0.2f], [true, true]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Auroc([0.1f, float.NaN], [true, false]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.AveragePrecision([0.1f], [true, false]));
    }

    [Test]
    public void Summary_is_mean_and_population_standard_deviation()
    {
        var summary = MetricSummary.Of([1, 2, 3, 4]);
        Assert.That(summary.Mean, Is.EqualTo(2.5));
        Assert.That(summary.StandardDeviation, Is.EqualTo(Math.Sqrt(1.25)).Within(1e-15));
        Assert.That(summary.ToString(), Is.EqualTo("2.5000±1.1180"));
    }

    /// <summary>Scores on a coarse grid (many ties), positives scored higher on average.</summary>
    private static (float[] Scores, bool[] Labels) RandomScores(int seed, int count)
    {
        var random = new Random(seed);
        var labels = new bool[count];
        var scores = new float[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = random.NextDouble() < 0.3;
            scores[i] = MathF.Round((float)(random.NextDouble() + (labels[i] ? 0.4 : 0)), 1);
        }

        return (scores, labels);
    }
}
