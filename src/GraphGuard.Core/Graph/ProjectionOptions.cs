using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Graph;

/// <summary>What ties two accounts in <see cref="SharedContextProjection"/>.</summary>
public sealed record ProjectionOptions
{
    /// <summary>Infrastructure kinds whose sharing ties accounts (any action on them counts).</summary>
    public IReadOnlyList<EntityKind> InfrastructureKinds { get; init; } = [EntityKind.Device, EntityKind.Ip, EntityKind.Phone, EntityKind.Payment];

    /// <summary>Engagement actions on content that tie the accounts doing them; empty leaves content out.</summary>
    public IReadOnlyList<string> ContentActions { get; init; } = ["like", "comment", "share"];

    /// <summary>
    /// Contexts used by more accounts than this are hubs (carrier NAT, viral posts) and tie nobody:
    /// their rarity weight is near zero and their pairs would grow quadratically.
    /// </summary>
    public int MaxAccountsPerInfrastructure { get; init; } = 500;

    /// <summary>
    /// The hub cap for devices, phones and payment instruments: personal objects, which no organic crowd
    /// shares the way a carrier shares an address. Detectors raise it above the address cap; it then only
    /// bounds the pairs (k²).
    /// </summary>
    public int MaxAccountsPerDevice { get; init; } = 500;

    /// <summary>The hub cap of a context of <paramref name="kind"/>.</summary>
    public int MaxAccounts(EntityKind kind) =>
        kind == EntityKind.Content ? MaxAccountsPerContent : kind.IsPersonal() ? MaxAccountsPerDevice : MaxAccountsPerInfrastructure;

    /// <summary>The hub cap for content, lower because content is far more numerous.</summary>
    public int MaxAccountsPerContent { get; init; } = 100;

    /// <summary>
    /// Weigh a tie by how many contexts the two accounts share (each counts 1) instead of by rarity:
    /// what detectors threshold on ("shares two or more devices or IPs").
    /// </summary>
    public bool CountSharedContexts { get; init; }
}
