namespace GraphGuard.Core.Synthetic;

/// <summary>
/// One planted campaign: everything its members must agree on (times, shared infrastructure, targets),
/// decided up front so that each member's chunk can act its part alone.
/// </summary>
internal sealed class Campaign
{
    /// <summary>The classic pattern; null for a campaign of the scenario library (see <see cref="Scenario"/>).</summary>
    public AbusePattern? Pattern { get; init; }

    /// <summary>The scenario family the campaign belongs to; null for the classic patterns.</summary>
    public Scenarios.ScenarioFamily? Scenario { get; init; }

    /// <summary>A legitimate crowd of the scenario library: written to lookalikes.csv, never to truth.csv.</summary>
    public bool Organic => Scenario?.Organic == true;

    /// <summary>truth.csv's pattern or lookalikes.csv's kind.</summary>
    public string PatternName => Scenario?.Name ?? Pattern!.Value.WireName();

    /// <summary>truth.csv's campaign id, e.g. <c>bot_farm-007</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>,campaign,pattern</c> as truth.csv (or lookalikes.csv) writes it after the account id.</summary>
    public byte[] TruthColumns => field ??= System.Text.Encoding.ASCII.GetBytes($",{Name},{PatternName}");

    /// <summary>Scenario strikes (orders, attacks, shares), in time order.</summary>
    public Strike[] Strikes { get; set; } = [];

    /// <summary>How long after a strike's start its members act (uniformly), seconds.</summary>
    public int SpreadSeconds { get; set; }

    /// <summary>Other members each member follows (reciprocated); 0 for none.</summary>
    public int RingDegree { get; set; }

    /// <summary>Whether members use <see cref="Ips"/> in their ordinary logins too (not sleepers, not takeovers before the takeover).</summary>
    public bool IpsInDailyLife { get; set; } = true;

    /// <summary>Hash key for per-campaign facts (templates, URL variants).</summary>
    public required ulong Key { get; init; }

    public int[] Members { get; set; } = [];

    /// <summary>Start of the campaign's abusive activity; members' labels come after it.</summary>
    public int Start { get; set; }

    /// <summary>Emulators (bot farm) or shared phones racks (engagement farm).</summary>
    public ulong[] Devices { get; set; } = [];

    /// <summary>Datacenter or proxy IPs the members log in from.</summary>
    public uint[] Ips { get; set; } = [];

    /// <summary>Fraction of a member's logins that go through <see cref="Ips"/>.</summary>
    public double IpShare { get; set; }

    /// <summary>SIM-farm phones used for <c>verify</c>.</summary>
    public ulong[] Phones { get; set; } = [];

    /// <summary>Accounts to follow and like (bot farm, sleeper) or victims (brigade).</summary>
    public int[] Targets { get; set; } = [];

    /// <summary>Engagement-farm orders, in time order.</summary>
    public Order[] Orders { get; set; } = [];

    /// <summary>Brigade attacks: one victim post each.</summary>
    public Attack[] Attacks { get; set; } = [];

    /// <summary>When sleepers wake up together; spam rings stop posting at <see cref="ActiveEnd"/>.</summary>
    public int Activation { get; set; }

    public int ActiveEnd { get; set; }

    /// <summary>A customer's paid order: members follow the customer and like <see cref="PostIndexes"/>.</summary>
    public readonly record struct Order(int Customer, int Time, int[] PostIndexes);

    /// <summary>One scenario strike: members act on a post of <paramref name="Owner"/> (or the account, or link <paramref name="Url"/>).</summary>
    public readonly record struct Strike(int Time, int Owner, int PostIndex, int Url);

    /// <summary>A brigade's pile-on under one post of a victim.</summary>
    public readonly record struct Attack(int Victim, int PostIndex, int Time);
}
