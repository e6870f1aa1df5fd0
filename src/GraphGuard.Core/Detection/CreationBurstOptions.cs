using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Detection;

/// <summary>Settings for <see cref="CreationBurstDetector"/>.</summary>
public sealed record CreationBurstOptions
{
    /// <summary>Infrastructure that can tie accounts registered together.</summary>
    public IReadOnlyList<EntityKind> Kinds { get; init; } = [EntityKind.Device, EntityKind.Ip, EntityKind.Phone, EntityKind.Payment];

    /// <summary>Two accounts on one entity are in the same burst when registered at most this far apart.</summary>
    public int GapSeconds { get; init; } = 2 * 3600;

    /// <summary>A burst may span at most this long from first to last registration.</summary>
    public int MaxSpanSeconds { get; init; } = 24 * 3600;

    /// <summary>Addresses used by more accounts than this (carrier NAT) are left out.</summary>
    public int MaxAccountsPerAddress { get; init; } = 500;

    /// <summary>
    /// Devices, phones and payment instruments are personal: no crowd registers on one, so they are read
    /// whatever their number of accounts (registrations are sorted, not paired, so size costs little).
    /// </summary>
    public int MaxAccountsPerDevice { get; init; } = int.MaxValue;

    /// <summary>The smallest burst.</summary>
    public int MinAccounts { get; init; } = 8;
}
