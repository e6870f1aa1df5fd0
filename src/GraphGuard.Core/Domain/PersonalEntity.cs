namespace GraphGuard.Core.Domain;

/// <summary>
/// Devices, phones and payment instruments are personal: a household shares a few, but no organic crowd shares
/// one the way a carrier or a campus shares an address. Detectors treat crowded addresses as hubs, not these.
/// </summary>
public static class PersonalEntity
{
    public static bool IsPersonal(this EntityKind kind) => kind is EntityKind.Device or EntityKind.Phone or EntityKind.Payment;
}
