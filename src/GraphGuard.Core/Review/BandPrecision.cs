namespace GraphGuard.Core.Review;

/// <summary>A band's measured precision: the share of its accounts analysts found abusive, from the decided part of its random sample.</summary>
/// <param name="Band">The band's name.</param>
/// <param name="Minimum">The lowest score in it.</param>
/// <param name="Accounts">Accounts the run put in the band.</param>
/// <param name="Decided">Decided (abusive or benign) accounts of its random sample.</param>
/// <param name="Abusive">Of those, the abusive ones.</param>
/// <param name="Precision">Abusive ÷ decided; null before any decision.</param>
/// <param name="Lower">The 95% Wilson interval's lower end (0 without decisions).</param>
/// <param name="Upper">Its upper end (1 without decisions).</param>
public sealed record BandPrecision(string Band, double Minimum, long Accounts, int Decided, int Abusive, double? Precision, double Lower, double Upper);
