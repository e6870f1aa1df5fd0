namespace GraphGuard.Core.Synthetic.Scenarios;

/// <summary>
/// What one family's campaigns do, as its JSON file says at one difficulty. Ranges are <c>[low, high]</c>
/// and every campaign draws its own value from them, so siblings of one family differ.
/// </summary>
internal sealed record ScenarioKnobs
{
    /// <summary>Sibling campaigns of the family in a world.</summary>
    public int[] Campaigns { get; init; } = [2, 3];

    /// <summary>Accounts per campaign (capped by the world's size).</summary>
    public int[] Size { get; init; } = [20, 200];

    /// <summary><c>fresh</c> (registered for the job), <c>aged</c> (registered months before), <c>existing</c> (ordinary accounts), <c>taken_over</c>.</summary>
    public string Origin { get; init; } = "aged";

    /// <summary>Fresh accounts: the hours over which the whole campaign registered; aged: days.</summary>
    public int[] Registration { get; init; } = [2, 8];

    /// <summary>Multiplier on ordinary activity (fresh and aged accounts): their camouflage.</summary>
    public double Camouflage { get; init; } = 1;

    /// <summary><c>emulators</c> (all logins), <c>phone_racks</c> (a third of members), <c>household</c> (one shared device), <c>own</c>.</summary>
    public string Devices { get; init; } = "own";

    public int[] DevicePool { get; init; } = [2, 6];

    /// <summary><c>datacenter</c>, <c>residential_pool</c>, <c>campus</c>, <c>carrier</c>, <c>household</c>, <c>own</c>.</summary>
    public string Ips { get; init; } = "own";

    public int[] IpPool { get; init; } = [2, 6];

    /// <summary>Share of a member's logins that go through the campaign's IPs.</summary>
    public double IpShare { get; init; } = 0.8;

    /// <summary><c>sim_farm</c> or <c>own</c>.</summary>
    public string Phones { get; init; } = "own";

    /// <summary><c>customers</c>, <c>victims</c>, <c>members</c>, <c>urls</c>, <c>creator</c>, <c>none</c>.</summary>
    public string Targets { get; init; } = "none";

    public int[] TargetCount { get; init; } = [1, 1];

    /// <summary>Strikes (orders, attacks, shares) per campaign; for a creator, 0 means every post.</summary>
    public int[] Strikes { get; init; } = [0, 0];

    /// <summary>Per strike: <c>follow</c>, <c>like</c>, <c>comment</c>, <c>share</c>, <c>report</c>, <c>link</c>.</summary>
    public string[] Actions { get; init; } = [];

    /// <summary>Chance a member takes part in one strike.</summary>
    public double Participation { get; init; } = 0.8;

    /// <summary>How long after a strike starts its members act, uniformly: minutes.</summary>
    public int[] SpreadMinutes { get; init; } = [5, 30];

    /// <summary>Days the campaign's strikes are spread over.</summary>
    public int[] ActiveDays { get; init; } = [20, 90];

    /// <summary><c>none</c>, <c>exact</c>, <c>templated</c>, <c>synonyms</c>, <c>translated</c>.</summary>
    public string Text { get; init; } = "none";

    /// <summary>What the text is about: <c>promo</c>, <c>hostile</c>, <c>cheer</c>, <c>giveaway</c>, <c>news</c>.</summary>
    public string TextKind { get; init; } = "promo";

    /// <summary>Links rotate through a new domain every few strikes.</summary>
    public bool RotateDomains { get; init; }

    /// <summary>Members followed the creator long before the strikes (fans do, farms do not).</summary>
    public bool Prefollow { get; init; }

    /// <summary>Members follow this many other members (reciprocated); -1 means all of them.</summary>
    public int[] RingDegree { get; init; } = [0, 0];

    /// <summary>Organic crowds: members come from one interest community (the creator's) instead of anywhere.</summary>
    public bool SameCommunity { get; init; }
}
