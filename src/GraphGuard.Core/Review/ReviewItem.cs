namespace GraphGuard.Core.Review;

/// <summary>One entry of a run's review queue.</summary>
/// <param name="Position">1 is reviewed first.</param>
/// <param name="AccountId">The account to review: for a cluster item, the cluster's most uncertain member.</param>
/// <param name="ClusterId">Set when the decision is meant for the whole cluster.</param>
/// <param name="Kind">Uncertainty or the random slice.</param>
/// <param name="Stratum">The band the account's score is in.</param>
/// <param name="Score">The account's score.</param>
/// <param name="Inclusion">For the random slice, the chance the draw picked it (sampled / accounts in the band); 1 otherwise.</param>
/// <param name="Why">The reason it is queued, in words.</param>
public sealed record ReviewItem(int Position, int AccountId, long? ClusterId, ReviewItemKind Kind, string Stratum, double Score, double Inclusion, string Why);
