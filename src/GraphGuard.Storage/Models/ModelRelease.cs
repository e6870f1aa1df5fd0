namespace GraphGuard.Storage.Models;

/// <summary>A run's champion-and-challenger decision (<c>model_releases</c>).</summary>
/// <param name="RunId">The run that trained the challenger.</param>
/// <param name="Challenger">The model it trained.</param>
/// <param name="Champion">The model that served when it ran; null when none did.</param>
/// <param name="Released">True: the run published the challenger's scores; false: the champion's.</param>
/// <param name="Reason">Why, in words, with both models' measures.</param>
/// <param name="Labels">Held-out reviewed labels compared on.</param>
/// <param name="ChallengerAuprc">The challenger's AUPRC on them.</param>
/// <param name="ChampionAuprc">The champion's.</param>
/// <param name="ChallengerPrecision">The challenger's precision in the enforcement bands.</param>
/// <param name="ChampionPrecision">The champion's.</param>
/// <param name="Tolerance">How much worse the challenger could be and still be released.</param>
/// <param name="DecidedAt">When.</param>
public sealed record ModelRelease(long RunId, string Challenger, string? Champion, bool Released, string Reason, int Labels, double? ChallengerAuprc, double? ChampionAuprc,
    double? ChallengerPrecision, double? ChampionPrecision, double Tolerance, DateTime DecidedAt);
