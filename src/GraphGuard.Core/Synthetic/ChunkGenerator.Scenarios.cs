using System.Text;
using GraphGuard.Core.Synthetic.Scenarios;

namespace GraphGuard.Core.Synthetic;

// Scenario families acted out by one member: the campaign's strikes, with the member's own participation
// and jitter, on top of the member's ordinary life.
internal sealed partial class ChunkGenerator
{
    private ScenarioText? _scenarioText;

    private ScenarioText ScenarioText => _scenarioText ??= new ScenarioText(_random);

    private void IdentifyScenario(ref Identity identity, Campaign campaign)
    {
        var knobs = campaign.Scenario!.Knobs;
        if (knobs.Devices == "emulators" || (knobs.Devices == "phone_racks" && _random.Chance(0.3)))
        {
            identity.Device0 = _random.Pick(campaign.Devices);
            identity.Device1 = _random.Pick(campaign.Devices);
            identity.Device2 = _random.Pick(campaign.Devices);
        }
        else if (knobs.Devices == "household")
        {
            identity.Device0 = campaign.Devices[0];
        }

        if (knobs.Ips == "household")
        {
            identity.HomeIp = campaign.Ips[0];
        }
        else if (knobs.Ips is "campus" or "carrier")
        {
            identity.SharedIp = campaign.Ips[0];
            identity.SharedIpShare = campaign.IpShare;
        }

        if (campaign.Phones.Length > 0 && _random.Chance(0.7))
        {
            identity.Phone = _random.Pick(campaign.Phones);
        }
    }

    private void ActScenario(int a, in Identity identity, Campaign campaign)
    {
        var knobs = campaign.Scenario!.Knobs;
        int created = _plan.CreatedAt[a];
        bool takeover = knobs.Origin == "taken_over";
        if (takeover)
        {
            // The change point: a new device and address, shared with the other taken-over accounts.
            PoolLogin(campaign.Start - _random.Between(WorldClock.Hour, WorldClock.Day), a, identity, campaign);
        }

        if (knobs.Prefollow && campaign.Strikes.Length > 0)
        {
            int latest = campaign.Start - (14 * WorldClock.Day);
            int earliest = Math.Max(created + WorldClock.Day, campaign.Start - (400 * WorldClock.Day));
            if (latest > earliest)
            {
                // Written even when ordinary life already followed the creator (later): the first follow is what counts.
                AccountEvent(_random.Between(earliest, latest), a, ",follow,account,"u8, campaign.Strikes[0].Owner);
            }
        }

        FollowRing(a, campaign);
        int nextPost = _plan.PostCount[a];
        foreach (var strike in campaign.Strikes)
        {
            if (strike.Owner == a || !_random.Chance(knobs.Participation))
            {
                continue;
            }

            int ts = strike.Time + _random.Next(Math.Max(1, campaign.SpreadSeconds));
            if (ts <= created + WorldClock.Hour || ts >= WorldClock.End - WorldClock.Minute)
            {
                continue;
            }

            if (campaign.Ips.Length > 0 && (takeover || campaign.IpsInDailyLife) && _random.Chance(campaign.IpShare))
            {
                PoolLogin(ts - _random.Between(60, 900), a, identity, campaign);
            }

            foreach (var action in knobs.Actions)
            {
                Strike(a, ts + _random.Between(0, 120), strike, action, campaign, ref nextPost);
            }
        }
    }

    private void Strike(int a, int ts, Campaign.Strike strike, string action, Campaign campaign, ref int nextPost)
    {
        ts = Math.Min(ts, WorldClock.End - 1);
        bool hostile = campaign.Scenario!.Knobs.TextKind == "hostile";
        switch (action)
        {
            case "follow":
                Follow(ts, a, strike.Owner);
                break;
            case "like":
                ContentEvent(ts, a, ",like,content,"u8, strike.Owner, strike.PostIndex);
                break;
            case "share":
                ContentEvent(ts, a, ",share,content,"u8, strike.Owner, strike.PostIndex);
                break;
            case "report":
                AccountEvent(ts, a, ",report,account,"u8, strike.Owner);
                break;
            case "comment":
                Comment(a, ts, strike.Owner, strike.PostIndex, ScenarioText.Compose(campaign, null), ScenarioSpam(campaign),
                    hostile && _random.Chance(0.5) ? HighScore(0.7) : LowScore(8), ScenarioTruth(campaign));
                break;
            case "link":
                {
                    var url = CampaignUrl(campaign, strike.Url);
                    Post(a, nextPost++, ts, ScenarioText.Compose(campaign, Encoding.UTF8.GetString(url)), ScenarioSpam(campaign), LowScore(8),
                        ScenarioTruth(campaign), campaign);
                    TextEvent(ts, a, ",link,url,"u8, url);
                    break;
                }
        }
    }

    // Promotions score high now and then, like the classic spam rings; everything else scores as people do.
    private double ScenarioSpam(Campaign campaign) =>
        !campaign.Organic && campaign.Scenario!.Knobs.TextKind == "promo" ? SpamScore() : LegitSpamScore();

    /// <summary>Abuse campaigns' promotions are spam and their hostile words harassment; organic crowds' words are fine.</summary>
    private static ContentTruth ScenarioTruth(Campaign campaign) => campaign.Organic ? ContentTruth.Ok : campaign.Scenario!.Knobs.TextKind switch
    {
        "promo" => ContentTruth.Spam,
        "hostile" => ContentTruth.Harassment,
        _ => ContentTruth.Ok,
    };

    private void PoolLogin(int ts, int a, in Identity identity, Campaign campaign)
    {
        ts = Math.Clamp(ts, _plan.CreatedAt[a] + 1, WorldClock.End - 1);
        DeviceEvent(ts, a, ",login,device,"u8, campaign.Devices.Length > 1 ? _random.Pick(campaign.Devices) : identity.Device0);
        if (campaign.Ips.Length > 0)
        {
            IpEvent(ts, a, ",login,ip,"u8, _random.Pick(campaign.Ips));
        }
    }

    /// <summary>Neighbours on a ring of the members, both ways, so every follow is returned.</summary>
    private void FollowRing(int a, Campaign campaign)
    {
        var members = campaign.Members;
        int n = members.Length;
        int half = Math.Min((n - 1) / 2, (campaign.RingDegree + 1) / 2);
        if (half <= 0 || n < 2)
        {
            return;
        }

        int at = Array.BinarySearch(members, a);
        int from = Math.Max(_plan.ActiveStart(a), campaign.Start);
        int to = Math.Max(from + WorldClock.Hour, Math.Min(WorldClock.End - 1, campaign.ActiveEnd));
        for (int j = 1; j <= (campaign.RingDegree >= n - 1 ? n - 1 : half); j++)
        {
            Follow(_random.Between(from, to), a, members[(at + j) % n]);
            if (campaign.RingDegree < n - 1)
            {
                Follow(_random.Between(from, to), a, members[(at - j + n) % n]);
            }
        }
    }

    /// <summary>The URL of a strike: a news outlet's article for organic waves, else the campaign's (rotating) domain.</summary>
    private static byte[] CampaignUrl(Campaign campaign, int url)
    {
        bool rotate = campaign.Scenario!.Knobs.RotateDomains;
        ulong h = StableHash.Mix(campaign.Key, 0xD0, rotate ? (ulong)(url / 3) : 0);
        var host = campaign.Organic
            ? $"news{h % 7}.example"
            : string.Concat(Enumerable.Range(0, 3).Select(i => Encoding.UTF8.GetString(Vocabulary.Syllables[(int)((h >> (8 * i)) % (ulong)Vocabulary.Syllables.Length)])))
              + Encoding.UTF8.GetString(Vocabulary.TopLevelDomains[(int)((h >> 24) % (ulong)Vocabulary.TopLevelDomains.Length)]);
        return Encoding.UTF8.GetBytes($"https://{host}/{StableHash.Mix(campaign.Key, 0x0A7, (ulong)url) % 1_000_000:D6}");
    }
}
