using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Detection;

/// <summary>Settings for <see cref="SharedInfrastructureDetector"/>.</summary>
public sealed record SharedInfrastructureOptions
{
    /// <summary>What counts as infrastructure.</summary>
    public IReadOnlyList<EntityKind> Kinds { get; init; } = [EntityKind.Device, EntityKind.Ip, EntityKind.Phone, EntityKind.Payment];

    /// <summary>
    /// Two accounts are tied when they share at least this many entities. Two, because one shared
    /// address is what campus Wi-Fi and carrier NAT give every user, while farms share several.
    /// </summary>
    public int MinSharedEntities { get; init; } = 2;

    /// <summary>Addresses used by more accounts than this (carrier NAT gateways) tie nobody.</summary>
    public int MaxAccountsPerAddress { get; init; } = 500;

    /// <summary>
    /// Devices, phones and payment instruments used by more accounts than this tie nobody. No organic crowd
    /// shares a personal object the way a carrier shares an address: a farm of 740 accounts on four emulators
    /// must not pass for a NAT hub. This cap only bounds the pairs, which grow as its square.
    /// </summary>
    public int MaxAccountsPerDevice { get; init; } = 5_000;

    /// <summary>
    /// The smallest cluster: above the largest household (families share a device and home Wi-Fi, and
    /// are two to six people).
    /// </summary>
    public int MinAccounts { get; init; } = 8;
}
