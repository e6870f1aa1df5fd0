namespace GraphGuard.Learning.Release;

/// <summary>Whether the challenger is released, why, and both models' measures on the same held-out labels.</summary>
/// <param name="Released">True: the run publishes the challenger's scores; false: the champion's.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Labels">Held-out reviewed labels compared on.</param>
/// <param name="Challenger">The retrained model's measures.</param>
/// <param name="Champion">The serving model's measures.</param>
public sealed record ReleaseVerdict(bool Released, string Reason, int Labels, ModelEvaluation Challenger, ModelEvaluation Champion);
