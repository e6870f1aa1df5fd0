namespace GraphGuard.Core.Synthetic;

/// <summary>
/// IPv4 addresses drawn from plausible blocks per kind of network. Detectors must not rely on the
/// blocks (real data has no such tidy split); they only keep the files from looking synthetic.
/// </summary>
internal static class WorldAddresses
{
    private static readonly byte[] ResidentialBlocks = [24, 49, 67, 73, 81, 86, 91, 98, 110, 122, 174, 177, 182, 189];
    private static readonly byte[] DatacenterBlocks = [34, 35, 45, 104, 138, 159, 165, 185, 188, 193];
    private static readonly byte[] CampusBlocks = [128, 129, 130, 131, 141, 147];
    private static readonly byte[] CarrierBlocks = [39, 106, 117, 172, 197, 223];

    public static uint Residential(ulong hash) => Build(ResidentialBlocks, hash);

    public static uint Datacenter(ulong hash) => Build(DatacenterBlocks, hash);

    public static uint Campus(ulong hash) => Build(CampusBlocks, hash);

    public static uint Carrier(ulong hash) => Build(CarrierBlocks, hash);

    private static uint Build(byte[] blocks, ulong hash)
    {
        uint first = blocks[(int)(hash % (ulong)blocks.Length)];
        uint rest = (uint)(hash >> 32) & 0x00FF_FFFF;

        // Keep the last octet away from network (0) and broadcast (255) addresses.
        uint last = 1 + (rest & 0xFF) % 254;
        return (first << 24) | (rest & 0x00FF_FF00) | last;
    }
}
