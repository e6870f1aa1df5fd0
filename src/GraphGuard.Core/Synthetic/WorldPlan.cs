namespace GraphGuard.Core.Synthetic;

/// <summary>
/// The world's skeleton, decided sequentially from the seed before any row is written: who belongs to
/// which community, family, campus and campaign, who creates, what went viral. Per-account facts live
/// in flat arrays (about 40 bytes an account); chunks only read it, so they can run in parallel.
/// </summary>
internal sealed partial class WorldPlan
{
    /// <summary>Accounts per chunk: the unit of parallel work and of output ordering.</summary>
    public const int ChunkSize = 4096;

    private WorldPlan(WorldOptions options)
    {
        Options = options;
        Key = StableHash.Mix(options.Seed, 0x5EED);
        Ids = new WorldIds(Key);
        int n = options.Accounts;
        AccountCount = n;
        CreatedAt = new int[n];
        CommunityOf = new int[n];
        Country = new byte[n];
        Activity = new float[n];
        Popularity = new float[n];
        PostCount = new short[n];
        CampaignOf = new int[n];
        FamilyOf = new int[n];
        CampusOf = new int[n];
        NatOf = new int[n];
        Array.Fill(CampaignOf, -1);
        Array.Fill(FamilyOf, -1);
        Array.Fill(CampusOf, -1);
        Array.Fill(NatOf, -1);
    }

    public WorldOptions Options { get; }

    public ulong Key { get; }

    public WorldIds Ids { get; }

    public int AccountCount { get; }

    public int ChunkCount => (AccountCount + ChunkSize - 1) / ChunkSize;

    public int[] CreatedAt { get; }

    public int[] CommunityOf { get; }

    public byte[] Country { get; }

    /// <summary>Lognormal activity level; every per-account count scales with it.</summary>
    public float[] Activity { get; }

    /// <summary>Pareto fitness of creators; zero for everyone else.</summary>
    public float[] Popularity { get; }

    /// <summary>Ordinary posts; the k-th is posted at <see cref="PostTime"/>.</summary>
    public short[] PostCount { get; }

    public int[] CampaignOf { get; }

    public int[] FamilyOf { get; }

    public int[] CampusOf { get; }

    public int[] NatOf { get; }

    public int CommunityCount { get; private set; }

    public List<Campaign> Campaigns { get; } = [];

    /// <summary>When each engagement-farm customer paid, by customer.</summary>
    public Dictionary<int, List<int>> Purchases { get; } = [];

    /// <summary>Viral posts whose burst of fans comes from the given community.</summary>
    public ViralPost[][] ViralByCommunity { get; private set; } = [];

    /// <summary>Global numbers of the malformed rows each chunk appends.</summary>
    public int[][] BadRowsByChunk { get; private set; } = [];

    private int[] _communityStart = [];
    private int[] _communityMembers = [];
    private int[][] _communityCreators = [];
    private double[][] _communityCreatorWeights = [];
    private int[] _globalCreators = [];
    private double[] _globalCreatorWeights = [];

    /// <summary>Activity starts at creation or at the window's start, whichever is later.</summary>
    public int ActiveStart(int account) => Math.Max(CreatedAt[account], WorldClock.WindowStart);

    public int CommunitySize(int community) => _communityStart[community + 1] - _communityStart[community];

    /// <summary>
    /// When the k-th ordinary post of <paramref name="owner"/> went up. A hash rather than a stored
    /// time, so a liker in another chunk can tell without any shared table.
    /// </summary>
    public int PostTime(int owner, int k)
    {
        int start = ActiveStart(owner);
        int span = WorldClock.End - WorldClock.Hour - start;
        int offset = Countries.UtcOffsetHours[Country[owner]];
        int ts = start;

        // DailyRhythm.Draw, with hashes in place of the random stream.
        for (ulong attempt = 0; attempt < 3; attempt++)
        {
            ulong h = StableHash.Mix(Key, 0x9057 + attempt, (ulong)owner, (ulong)k);
            ts = start + (int)(StableHash.Unit(h) * span);
            if (StableHash.Unit(StableHash.Mix(h)) < DailyRhythm.Acceptance(ts, offset))
            {
                break;
            }
        }

        return ts;
    }

    /// <summary>
    /// A creator picked in proportion to popularity, mostly from <paramref name="community"/>.
    /// Implementation note: sampling by fixed Pareto fitness instead of growing preferential attachment
    /// (the fitness model of Bianconi and Barabasi) gives the same heavy-tailed in-degree with no
    /// sequential dependency between accounts, which is what lets chunks run in parallel.
    /// </summary>
    public int SampleCreator(WorldRandom random, int community, double crossShare = 0.12)
    {
        var creators = _communityCreators[community];
        if (creators.Length == 0 || random.Chance(crossShare))
        {
            return SampleGlobalCreator(random);
        }

        var weights = _communityCreatorWeights[community];
        return creators[SampleCumulative(weights, random.NextDouble() * weights[^1])];
    }

    public int SampleGlobalCreator(WorldRandom random) =>
        _globalCreators[SampleCumulative(_globalCreatorWeights, random.NextDouble() * _globalCreatorWeights[^1])];

    public int SampleCommunityMember(WorldRandom random, int community)
    {
        int start = _communityStart[community];
        return _communityMembers[start + random.Next(_communityStart[community + 1] - start)];
    }

    /// <summary>Index of the first cumulative weight above <paramref name="x"/>.</summary>
    public static int SampleCumulative(double[] cumulative, double x)
    {
        int lo = 0;
        int hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    public ulong FamilyDevice(int family) => StableHash.Mix(Key, 0xFA0D, (ulong)family);

    public uint FamilyIp(int family) => WorldAddresses.Residential(StableHash.Mix(Key, 0xFA19, (ulong)family));

    public uint CampusIp(int campus) => WorldAddresses.Campus(StableHash.Mix(Key, 0xCA19, (ulong)campus));

    public uint NatIp(int nat) => WorldAddresses.Carrier(StableHash.Mix(Key, 0x4A71, (ulong)nat));

    /// <summary>A viral post and the chance that a member of its community joins the burst.</summary>
    public readonly record struct ViralPost(int Owner, int PostIndex, int Time, double JoinRate, int Number);
}
