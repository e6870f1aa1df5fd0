namespace GraphGuard.Core.Detection;

/// <summary>How much of one organic look-alike family was flagged (see <see cref="DetectionEvaluation"/>).</summary>
/// <param name="Family">The look-alike family (fan_club, household, ...).</param>
/// <param name="Accounts">Its accounts in the world.</param>
/// <param name="Flagged">Its accounts inside any flagged cluster.</param>
/// <param name="ShareOfFlagged">Its flagged accounts as a share of all flagged accounts (the goal: at most 0.5%).</param>
public sealed record LookalikeScore(string Family, int Accounts, int Flagged, double ShareOfFlagged)
{
    /// <summary>Share of the family's own accounts that were flagged.</summary>
    public double ShareOfFamily => Accounts == 0 ? 0 : (double)Flagged / Accounts;
}
