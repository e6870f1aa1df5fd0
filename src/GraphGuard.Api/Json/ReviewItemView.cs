using GraphGuard.Storage.Review;

namespace GraphGuard.Api.Json;

/// <summary>
/// One review: the account (for a cluster item, the cluster's representative; decide the cluster), why it is queued,
/// the random draw's inclusion probability, and the latest standing analyst decision on the account.
/// </summary>
public sealed record ReviewItemView(int Position, string AccountId, long? ClusterId, int? ClusterSize, string Kind, string Band, float Score, double Inclusion, string Why,
    string? Decision, string? DecidedBy, DateTime? DecidedAt)
{
    public static ReviewItemView From(QueuedReview r) =>
        new(r.Position, r.AccountId, r.ClusterId, r.ClusterSize, r.Kind, r.Stratum, r.Score, r.Inclusion, r.Why, r.Decision, r.DecidedBy, r.DecidedAt);
}
