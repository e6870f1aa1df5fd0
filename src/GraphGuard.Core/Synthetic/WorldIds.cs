namespace GraphGuard.Core.Synthetic;

/// <summary>
/// Formats the opaque ids of every entity. Account ids are a keyed bijection of the account's index, so
/// that neither file order nor id order reveals which accounts were planted together.
/// </summary>
internal sealed class WorldIds
{
    private const ulong Mask40 = (1UL << 40) - 1;

    private readonly ulong _key;

    public WorldIds(ulong key) => _key = key;

    public void Account(CsvBuffer buffer, int index)
    {
        buffer.Byte((byte)'u');
        buffer.Hex(AccountCode(index), 10);
    }

    /// <summary>The k-th post of <paramref name="owner"/>; any chunk can name it without asking the owner's.</summary>
    public void Post(CsvBuffer buffer, int owner, int k)
    {
        buffer.Byte((byte)'p');
        buffer.Hex(AccountCode(owner), 10);
        buffer.Byte((byte)'-');
        buffer.Int(k);
    }

    public void Comment(CsvBuffer buffer, int author, int j)
    {
        buffer.Byte((byte)'m');
        buffer.Hex(AccountCode(author), 10);
        buffer.Byte((byte)'-');
        buffer.Int(j);
    }

    public static void Device(CsvBuffer buffer, ulong device)
    {
        buffer.Byte((byte)'d');
        buffer.Hex(device, 12);
    }

    /// <summary>E.164-looking numbers; the country code is cosmetic.</summary>
    public static void Phone(CsvBuffer buffer, ulong phone)
    {
        buffer.Raw("+1"u8);
        buffer.Digits(phone % 10_000_000_000UL, 10);
    }

    public static void Payment(CsvBuffer buffer, ulong payment)
    {
        buffer.Raw("pm_"u8);
        buffer.Hex(payment, 12);
    }

    // Multiply by an odd constant and xor-shift are both bijections modulo 2^40, so their composition is one.
    private ulong AccountCode(int index)
    {
        ulong x = ((ulong)index ^ _key) & Mask40;
        x = (x * 0x9E3779B97FUL) & Mask40;
        x ^= x >> 19;
        x = (x * 0xC2B2AE3D27UL) & Mask40;
        x ^= x >> 17;
        x = (x * 0x165667B19FUL) & Mask40;
        return x ^ (x >> 21);
    }
}
