namespace GraphGuard.Learning.Evaluation;

/// <summary>GADBench's three measures of one scored test set.</summary>
/// <param name="Auroc">Area under the ROC curve.</param>
/// <param name="Auprc">Area under the precision-recall curve (average precision).</param>
/// <param name="RecallAtK">Recall among the K highest scores, K = number of positives.</param>
public sealed record BinaryEvaluation(double Auroc, double Auprc, double RecallAtK);
