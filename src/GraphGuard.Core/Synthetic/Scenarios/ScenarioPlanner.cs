namespace GraphGuard.Core.Synthetic.Scenarios;

/// <summary>
/// Plants the campaigns of the scenario families a world asks for: members, their creation and activity,
/// shared infrastructure and the strikes every member acts on, each drawn from the family's knobs.
/// Targets (customers, victims, creators) are ordinary accounts and stay out of truth.
/// </summary>
internal static class ScenarioPlanner
{
    private const int Day = WorldClock.Day;
    private const int Hour = WorldClock.Hour;

    public static void Plan(WorldPlan plan, WorldRandom random)
    {
        var reserved = new HashSet<int>();
        var byCommunity = new List<int>[plan.CommunityCount];
        for (int c = 0; c < byCommunity.Length; c++)
        {
            byCommunity[c] = [];
        }
        for (int a = 0; a < plan.AccountCount; a++)
        {
            byCommunity[plan.CommunityOf[a]].Add(a);
        }

        foreach (var name in plan.Options.Scenarios)
        {
            var family = ScenarioLibrary.Find(name, plan.Options.Difficulty);
            int count = Draw(random, family.Knobs.Campaigns);
            for (int number = 1; number <= count; number++)
            {
                var campaign = new Campaign { Scenario = family, Name = $"{name}-{number:D3}", Key = random.NextUInt64() };
                Configure(plan, random, reserved, byCommunity, campaign);
                plan.Campaigns.Add(campaign);
            }
        }
    }

    private static void Configure(WorldPlan plan, WorldRandom random, HashSet<int> reserved, List<int>[] byCommunity, Campaign c)
    {
        var k = c.Scenario!.Knobs;
        int creator = k.Targets == "creator" ? PickCreator(plan, random, reserved) : -1;
        // A 40th of the world at most, so that small worlds still hold every family (and targets to act on).
        int size = Math.Max(2, Math.Min(LogUniform(random, k.Size), plan.AccountCount / 40));
        var community = k.SameCommunity ? (creator >= 0 ? plan.CommunityOf[creator] : plan.CommunityOf[random.Next(plan.AccountCount)]) : -1;
        c.Members = PickMembers(plan, random, reserved, community >= 0 ? byCommunity[community] : null, size, plan.Campaigns.Count, k.Origin, k.Prefollow);

        int activeDays = Draw(random, k.ActiveDays);
        c.SpreadSeconds = Draw(random, k.SpreadMinutes) * WorldClock.Minute;
        int latest = WorldClock.End - (activeDays * Day) - c.SpreadSeconds - (2 * Day);
        int from = Live(plan, random, c, k, latest);
        c.Start = from;
        c.ActiveEnd = Math.Min(WorldClock.End - c.SpreadSeconds - Hour, from + (activeDays * Day));

        c.Devices = k.Devices switch
        {
            "emulators" or "phone_racks" => Many(random, Draw(random, k.DevicePool), r => r.NextUInt64()),
            "household" => [random.NextUInt64()],
            _ => [],
        };
        c.Ips = k.Ips switch
        {
            "datacenter" => Many(random, Draw(random, k.IpPool), r => WorldAddresses.Datacenter(r.NextUInt64())),
            "residential_pool" => Many(random, Draw(random, k.IpPool), r => WorldAddresses.Residential(r.NextUInt64())),
            "campus" => [WorldAddresses.Campus(random.NextUInt64())],
            "carrier" => [WorldAddresses.Carrier(random.NextUInt64())],
            "household" => [WorldAddresses.Residential(random.NextUInt64())],
            _ => [],
        };
        c.IpShare = k.IpShare;
        // A pool is the campaign's daily route; one shared address (home, school, carrier) is set on the identity
        // instead, and taken-over accounts reach the pool only from the takeover on.
        c.IpsInDailyLife = k.Ips is "datacenter" or "residential_pool" && k.Origin != "taken_over";
        c.Phones = k.Phones == "sim_farm" ? Many(random, random.Between(2, 6), r => r.NextUInt64()) : [];
        c.RingDegree = k.RingDegree[0] < 0 ? c.Members.Length - 1 : Draw(random, k.RingDegree);
        c.Strikes = PlanStrikes(plan, random, reserved, c, k, creator);
        if (c.Strikes.Length > 0)
        {
            c.Start = c.Strikes[0].Time;
        }
    }

    /// <summary>Creation times and activity by origin; returns when the campaign's strikes may begin.</summary>
    private static int Live(WorldPlan plan, WorldRandom random, Campaign c, ScenarioKnobs k, int latest)
    {
        switch (k.Origin)
        {
            case "fresh":
                {
                    int span = Draw(random, k.Registration) * Hour;
                    int start = random.Between(WorldClock.WindowStart + (5 * Day), Math.Max(WorldClock.WindowStart + (6 * Day), latest - span - Day));
                    foreach (int a in c.Members)
                    {
                        plan.Live(a, start + random.Next(span), k.Camouflage * random.LogNormal(1, 0.5), random);
                    }
                    return Math.Max(start + span + Day, WorldClock.WindowStart + Day);
                }

            case "aged":
                {
                    int span = Draw(random, k.Registration) * Day;
                    int start = WorldClock.WindowStart - random.Between(60 * Day, 400 * Day);
                    foreach (int a in c.Members)
                    {
                        plan.Live(a, start + random.Next(span), k.Camouflage * random.LogNormal(1, 0.5), random);
                    }
                    return random.Between(WorldClock.WindowStart + (5 * Day), Math.Max(WorldClock.WindowStart + (6 * Day), latest));
                }

            default:
                return random.Between(WorldClock.WindowStart + (10 * Day), Math.Max(WorldClock.WindowStart + (11 * Day), latest));
        }
    }

    private static Campaign.Strike[] PlanStrikes(WorldPlan plan, WorldRandom random, HashSet<int> reserved, Campaign c, ScenarioKnobs k, int creator)
    {
        var strikes = new List<Campaign.Strike>();
        int from = c.Start, to = Math.Max(c.Start + Hour, c.ActiveEnd);
        int count = Draw(random, k.Strikes);
        switch (k.Targets)
        {
            case "customers" or "victims":
                {
                    var targets = Many(random, Draw(random, k.TargetCount), r => PickTarget(plan, r, reserved, 6));
                    for (int i = 0; i < count; i++)
                    {
                        int time = random.Between(from, to);
                        int owner = random.Pick(targets);
                        strikes.Add(new Campaign.Strike(time, owner, PostBefore(plan, random, owner, time), -1));
                    }
                    break;
                }

            case "members":
                foreach (int m in c.Members)
                {
                    plan.PostCount[m] = (short)Math.Max((int)plan.PostCount[m], 12);
                }
                for (int i = 0, tries = 0; i < count && tries < count * 20; tries++)
                {
                    int owner = random.Pick(c.Members);
                    int post = random.Next(plan.PostCount[owner]);
                    int time = plan.PostTime(owner, post);
                    if (time >= from && time <= to)
                    {
                        strikes.Add(new Campaign.Strike(time + 60, owner, post, -1));
                        i++;
                    }
                }
                break;

            case "urls":
                {
                    int urls = Draw(random, k.TargetCount);
                    for (int i = 0; i < count; i++)
                    {
                        strikes.Add(new Campaign.Strike(random.Between(from, to), -1, -1, i % urls));
                    }
                    break;
                }

            case "creator":
                {
                    var posts = Enumerable.Range(0, plan.PostCount[creator])
                        .Where(p => plan.PostTime(creator, p) >= WorldClock.WindowStart + (20 * Day) && plan.PostTime(creator, p) < WorldClock.End - c.SpreadSeconds - Hour)
                        .ToArray();
                    random.Shuffle(posts);
                    foreach (int p in count == 0 ? posts : posts[..Math.Min(count, posts.Length)])
                    {
                        strikes.Add(new Campaign.Strike(plan.PostTime(creator, p) + 30, creator, p, -1));
                    }
                    break;
                }
        }

        strikes.Sort((x, y) => x.Time.CompareTo(y.Time));
        return [.. strikes];
    }

    private static int[] PickMembers(WorldPlan plan, WorldRandom random, HashSet<int> reserved, List<int>? pool, int size, int campaign, string origin, bool prefollow)
    {
        var members = new List<int>(size);
        for (int tries = 0; members.Count < size && tries < size * 50; tries++)
        {
            int a = pool is { Count: > 0 } ? pool[random.Next(pool.Count)] : random.Next(plan.AccountCount);
            // A takeover needs a long-lived account to take over; a fan who followed long before, and an ordinary
            // account enlisted by a campaign, one older than the strikes (else it is a member that never acts).
            bool old = origin switch
            {
                "taken_over" => plan.CreatedAt[a] < WorldClock.WindowStart - (90 * Day),
                "existing" => plan.CreatedAt[a] < WorldClock.WindowStart,
                _ => true,
            } && (!prefollow || plan.CreatedAt[a] < WorldClock.WindowStart);
            if (plan.CampaignOf[a] < 0 && plan.Popularity[a] == 0 && old && reserved.Add(a))
            {
                plan.CampaignOf[a] = campaign;
                members.Add(a);
            }
        }

        members.Sort();
        return [.. members];
    }

    private static int PickCreator(WorldPlan plan, WorldRandom random, HashSet<int> reserved)
    {
        for (int tries = 0; ; tries++)
        {
            int a = random.Next(plan.AccountCount);
            if (plan.Popularity[a] > 0 && plan.CampaignOf[a] < 0 && plan.CreatedAt[a] < WorldClock.WindowStart && reserved.Add(a))
            {
                plan.PostCount[a] = (short)Math.Max((int)plan.PostCount[a], 20);
                return a;
            }
            if (tries > 100_000)
            {
                return PickTarget(plan, random, reserved, 20);
            }
        }
    }

    /// <summary>An ordinary account with at least <paramref name="minPosts"/> posts for members to act on.</summary>
    private static int PickTarget(WorldPlan plan, WorldRandom random, HashSet<int> reserved, int minPosts)
    {
        for (int tries = 0; ; tries++)
        {
            int a = random.Next(plan.AccountCount);
            // In a crowded small world a target may be shared by two campaigns rather than never found.
            if (plan.CampaignOf[a] < 0 && plan.CreatedAt[a] < WorldClock.WindowStart && (reserved.Add(a) || tries > 10_000))
            {
                plan.PostCount[a] = (short)Math.Max(plan.PostCount[a], minPosts);
                return a;
            }
        }
    }

    /// <summary>A post of <paramref name="owner"/> already up at <paramref name="time"/>, or any post when none is.</summary>
    private static int PostBefore(WorldPlan plan, WorldRandom random, int owner, int time)
    {
        var earlier = Enumerable.Range(0, plan.PostCount[owner]).Where(p => plan.PostTime(owner, p) < time - Hour).ToArray();
        return earlier.Length > 0 ? random.Pick(earlier) : random.Next(plan.PostCount[owner]);
    }

    private static int Draw(WorldRandom random, int[] range) => range[0] >= range[^1] ? range[0] : random.Between(range[0], range[^1] + 1);

    private static int LogUniform(WorldRandom random, int[] range) =>
        (int)Math.Round(range[0] * Math.Pow((double)range[^1] / range[0], random.NextDouble()));

    private static T[] Many<T>(WorldRandom random, int count, Func<WorldRandom, T> make)
    {
        var items = new T[count];
        for (int i = 0; i < count; i++)
        {
            items[i] = make(random);
        }

        return items;
    }
}
