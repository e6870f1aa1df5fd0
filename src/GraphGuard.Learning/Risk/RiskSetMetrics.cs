using GraphGuard.Learning.Calibration;
using GraphGuard.Learning.Evaluation;

namespace GraphGuard.Learning.Risk;

/// <summary>How well the model did on one set of labeled accounts.</summary>
/// <param name="Positives">Abusive accounts in the set.</param>
/// <param name="Negatives">Benign accounts in the set.</param>
/// <param name="Auroc">Area under the ROC curve of the model's scores.</param>
/// <param name="Auprc">Average precision.</param>
/// <param name="RecallAtK">Recall among the K highest, K = positives.</param>
/// <param name="Brier">Mean squared error of the calibrated probabilities (lower is better).</param>
/// <param name="MeanProbability">Mean calibrated probability, to set beside the positive rate.</param>
public sealed record RiskSetMetrics(int Positives, int Negatives, double Auroc, double Auprc, double RecallAtK, double Brier, double MeanProbability)
{
    /// <summary>Measures margins (ranking) and their calibrated probabilities against labels.</summary>
    public static RiskSetMetrics Measure(ReadOnlySpan<float> margins, ReadOnlySpan<bool> labels, IScoreCalibrator calibrator)
    {
        ArgumentNullException.ThrowIfNull(calibrator);
        var ranking = BinaryMetrics.Evaluate(margins, labels);
        double brier = 0, mean = 0;
        for (var i = 0; i < margins.Length; i++)
        {
            var p = calibrator.Calibrate(margins[i]);
            var y = labels[i] ? 1 : 0;
            brier += (p - y) * (p - y);
            mean += p;
        }
        var positives = labels.Count(true);
        return new RiskSetMetrics(positives, labels.Length - positives, ranking.Auroc, ranking.Auprc, ranking.RecallAtK, brier / margins.Length, mean / margins.Length);
    }
}
