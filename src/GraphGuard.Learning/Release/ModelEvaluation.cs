namespace GraphGuard.Learning.Release;

/// <summary>One model on the held-out reviewed labels.</summary>
/// <param name="Auprc">Area under the precision-recall curve (average precision).</param>
/// <param name="Precision">Share of abusive among the labelled accounts it puts in the enforcement bands; null when it puts none there.</param>
/// <param name="Enforced">Labelled accounts it puts in the enforcement bands.</param>
public sealed record ModelEvaluation(double Auprc, double? Precision, int Enforced);
