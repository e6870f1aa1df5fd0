namespace GraphGuard.Storage.Review;

/// <summary>An item of a run's review queue as the workspace and the API show it.</summary>
/// <param name="Position">1 is reviewed first.</param>
/// <param name="AccountId">The account's external id.</param>
/// <param name="ClusterId">Set when the decision is meant for the whole cluster.</param>
/// <param name="ClusterSize">That cluster's size (null without one, or once the cluster was pruned).</param>
/// <param name="Kind"><c>uncertain</c> or <c>random</c>.</param>
/// <param name="Stratum">The band the score was in.</param>
/// <param name="Score">The account's score in the run.</param>
/// <param name="Inclusion">The random draw's chance of picking it; 1 for uncertain items.</param>
/// <param name="Why">Why it is queued.</param>
/// <param name="Decision">The latest standing analyst decision on the account (abusive, benign, escalate), or null.</param>
/// <param name="DecidedBy">Who made it.</param>
/// <param name="DecidedAt">When.</param>
public sealed record QueuedReview(int Position, string AccountId, long? ClusterId, int? ClusterSize, string Kind, string Stratum, float Score, double Inclusion, string Why,
    string? Decision, string? DecidedBy, DateTime? DecidedAt);
