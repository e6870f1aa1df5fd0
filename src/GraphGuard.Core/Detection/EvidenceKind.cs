namespace GraphGuard.Core.Detection;

/// <summary>The kinds of fact detectors report; each has its own sentence in <see cref="EvidenceSentence"/>.</summary>
public enum EvidenceKind
{
    /// <summary>Accounts sharing few devices, IPs, phones or payment instruments.</summary>
    SharedInfrastructure,

    /// <summary>Accounts acting on the same targets within the same short windows, again and again.</summary>
    Lockstep,

    /// <summary>A block of accounts and targets far denser than the graph around it.</summary>
    DenseBlock,

    /// <summary>Accounts posting near-identical text.</summary>
    NearDuplicateContent,

    /// <summary>Accounts registered within a tight window on shared infrastructure.</summary>
    CreationBurst,

    /// <summary>Accounts co-acting on the same targets far more often than independent behaviour explains.</summary>
    CoActivity,

    /// <summary>Accounts following each other in a dense reciprocal block.</summary>
    ReciprocalFollows,

    /// <summary>Long-lived accounts that moved together onto new shared devices or IPs.</summary>
    Takeover,

    /// <summary>An organic explanation that lowered a cluster's score.</summary>
    OrganicExplanation,

    /// <summary>How much trust from the trusted seeds reaches the cluster.</summary>
    LowTrust,

    ReusedMedia,

    /// <summary>Accounts liking and commenting on each other's posts in a dense reciprocal block.</summary>
    ReciprocalEngagement,
}
