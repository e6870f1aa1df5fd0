namespace GraphGuard.Core.Detection;

/// <summary>Settings for a whole detection pass: each detector's, and how their clusters are merged and kept.</summary>
public sealed record DetectionOptions
{
    public SharedInfrastructureOptions SharedInfrastructure { get; init; } = new();

    public LockstepOptions Lockstep { get; init; } = new();

    public CreationBurstOptions CreationBurst { get; init; } = new();

    public NearDuplicates.NearDuplicateOptions NearDuplicate { get; init; } = new();

    public Media.ReusedMediaOptions ReusedMedia { get; init; } = new();

    public DenseBlocks.DenseBlockOptions DenseBlock { get; init; } = new();

    public Surprise.CoActivityOptions CoActivity { get; init; } = new();

    public Surprise.ReciprocalBlockOptions ReciprocalFollow { get; init; } = new();

    public Surprise.ReciprocalBlockOptions ReciprocalEngagement { get; init; } = new();

    public Surprise.TakeoverOptions Takeover { get; init; } = new();

    public TrustOptions Trust { get; init; } = new();

    /// <summary>Clusters merge when their common members are at least this share of the smaller.</summary>
    public double MinOverlap { get; init; } = 0.5;

    /// <summary>How merged clusters are verified and which are flagged.</summary>
    public VerificationOptions Verification { get; init; } = new();
}
