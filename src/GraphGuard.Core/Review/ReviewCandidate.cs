namespace GraphGuard.Core.Review;

/// <summary>A scored account the review queue may pick.</summary>
/// <param name="AccountId">entities.id of the account.</param>
/// <param name="Score">Its calibrated score in the run.</param>
/// <param name="Band">The band the run's policy puts the score in: the stratum of the random slice.</param>
/// <param name="ClusterId">The run's best cluster it is a member of, if any.</param>
/// <param name="ClusterSize">That cluster's size (0 without one).</param>
/// <param name="Decided">True when an analyst's standing abusive or benign decision already labels it.</param>
public sealed record ReviewCandidate(int AccountId, double Score, string Band, long? ClusterId, int ClusterSize, bool Decided);
