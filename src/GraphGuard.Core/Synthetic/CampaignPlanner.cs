namespace GraphGuard.Core.Synthetic;

/// <summary>
/// Plants the campaigns: picks members, their creation times and shared infrastructure, and the
/// legitimate accounts they act on (targets, customers, victims), which stay out of truth.
/// </summary>
internal static class CampaignPlanner
{
    private const int MinSize = 5;
    private const int MaxSize = 400;
    private const int Day = WorldClock.Day;
    private const int Hour = WorldClock.Hour;

    public static void Plan(WorldPlan plan, WorldRandom random)
    {
        // About 1.8% of accounts are abusive, but small worlds still get three campaigns of each pattern.
        int perPattern = Math.Max((int)(plan.AccountCount * 0.018), 5 * 3 * 6) / AbusePatterns.All.Length;
        var reserved = new HashSet<int>();
        foreach (var pattern in AbusePatterns.All)
        {
            int remaining = perPattern;
            int cap = Math.Clamp(perPattern / 3, MinSize, MaxSize);
            for (int number = 1; number <= 3 || remaining >= MinSize; number++)
            {
                int size = Math.Clamp((int)random.LogNormal(MedianSize(pattern), 0.7), MinSize, cap);
                if (number > 3)
                {
                    size = Math.Min(size, remaining);
                }

                remaining -= size;
                var campaign = new Campaign
                {
                    Pattern = pattern,
                    Name = $"{pattern.WireName()}-{number:D3}",
                    Key = random.NextUInt64(),
                };
                campaign.Members = PickMembers(plan, random, reserved, size, plan.Campaigns.Count);
                Configure(plan, random, reserved, campaign);
                plan.Campaigns.Add(campaign);
            }
        }
    }

    private static double MedianSize(AbusePattern pattern) => pattern switch
    {
        AbusePattern.BotFarm => 150,
        AbusePattern.EngagementFarm => 100,
        AbusePattern.SpamRing => 40,
        AbusePattern.CommentBrigade => 25,
        _ => 60,
    };

    private static int[] PickMembers(WorldPlan plan, WorldRandom random, HashSet<int> reserved, int size, int campaign)
    {
        var members = new int[size];
        for (int i = 0; i < size;)
        {
            int a = random.Next(plan.AccountCount);
            if (plan.CampaignOf[a] < 0 && plan.Popularity[a] == 0 && reserved.Add(a))
            {
                plan.CampaignOf[a] = campaign;
                members[i++] = a;
            }
        }

        Array.Sort(members);
        return members;
    }

    /// <summary>A legitimate account with at least <paramref name="minPosts"/> posts for members to act on.</summary>
    private static int PickLegit(WorldPlan plan, WorldRandom random, HashSet<int> reserved, int minPosts)
    {
        while (true)
        {
            int a = random.Next(plan.AccountCount);
            if (plan.CampaignOf[a] < 0 && plan.CreatedAt[a] < WorldClock.WindowStart)
            {
                reserved.Add(a);
                plan.PostCount[a] = (short)Math.Max(plan.PostCount[a], minPosts);
                return a;
            }
        }
    }

    private static void Configure(WorldPlan plan, WorldRandom random, HashSet<int> reserved, Campaign c)
    {
        switch (c.Pattern)
        {
            case AbusePattern.BotFarm:
                {
                    // Registered in one burst of hours, from a handful of emulators behind datacenter IPs.
                    int start = random.Between(WorldClock.WindowStart - (30 * Day), WorldClock.End - (20 * Day));
                    int burst = random.Between(2 * Hour, 8 * Hour);
                    foreach (int a in c.Members)
                    {
                        plan.Live(a, start + random.Next(burst), 0.3 * random.LogNormal(1, 0.5), random);
                        plan.PostCount[a] = 0;
                    }

                    c.Start = start;
                    c.Devices = Many(random, random.Between(2, 7), r => r.NextUInt64());
                    c.Ips = Many(random, random.Between(2, 6), r => WorldAddresses.Datacenter(r.NextUInt64()));
                    c.IpShare = 0.9;
                    c.Phones = Many(random, random.Between(2, 5), r => r.NextUInt64());
                    c.Targets = Many(random, random.Between(5, 26), r => PickLegit(plan, r, reserved, 2));
                    break;
                }

            case AbusePattern.EngagementFarm:
                {
                    // Aged accounts on varied devices, but every login goes through the same proxy pool.
                    int start = WorldClock.WindowStart - random.Between(30 * Day, 300 * Day);
                    int spread = random.Between(14 * Day, 56 * Day);
                    foreach (int a in c.Members)
                    {
                        plan.Live(a, start + random.Next(spread), 0.8 * random.LogNormal(1, 0.5), random);
                    }

                    c.Devices = Many(random, random.Between(4, 11), r => r.NextUInt64());
                    c.Ips = Many(random, random.Between(10, 31), r => WorldAddresses.Residential(r.NextUInt64()));
                    c.IpShare = 0.85;
                    c.Orders = PlanOrders(plan, random, reserved, random.Between(10, 41));
                    c.Start = c.Orders[0].Time;
                    break;
                }

            case AbusePattern.SpamRing:
                {
                    int start = random.Between(WorldClock.WindowStart - (20 * Day), WorldClock.End - (40 * Day));
                    int spread = random.Between(7 * Day, 28 * Day);
                    foreach (int a in c.Members)
                    {
                        plan.Live(a, start + random.Next(spread), 0.4 * random.LogNormal(1, 0.5), random);
                    }

                    c.Start = Math.Max(WorldClock.WindowStart, start + spread);
                    c.ActiveEnd = Math.Min(WorldClock.End - Hour, c.Start + random.Between(30 * Day, 90 * Day));
                    c.Phones = Many(random, random.Between(2, 7), r => r.NextUInt64());
                    break;
                }

            case AbusePattern.CommentBrigade:
                {
                    foreach (int a in c.Members)
                    {
                        int created = random.Between(WorldClock.HistoryStart, WorldClock.WindowStart - (30 * Day));
                        plan.Live(a, created, random.LogNormal(1, 0.6), random);
                    }

                    c.Targets = Many(random, random.Between(1, 4), r => PickLegit(plan, r, reserved, 6));
                    c.Attacks = PlanAttacks(plan, random, c.Targets, random.Between(6, 21));
                    c.Start = c.Attacks.Length > 0 ? c.Attacks[0].Time : WorldClock.WindowStart;
                    break;
                }

            case AbusePattern.Sleeper:
                {
                    // Created months before waking, then dormant-looking until the activation hour.
                    int activation = random.Between(WorldClock.End - (60 * Day), WorldClock.End - (3 * Day));
                    int start = activation - random.Between(120 * Day, 300 * Day);
                    int spread = random.Between(14 * Day, 42 * Day);
                    foreach (int a in c.Members)
                    {
                        plan.Live(a, start + random.Next(spread), 0.3 * random.LogNormal(1, 0.5), random);
                    }

                    c.Activation = activation;
                    c.IpsInDailyLife = false; // sleepers reach their IPs only when they wake
                    c.Start = activation;
                    c.Ips = Many(random, random.Between(2, 5), r => WorldAddresses.Datacenter(r.NextUInt64()));
                    c.Targets = Many(random, random.Between(3, 11), r => PickLegit(plan, r, reserved, 2));
                    break;
                }
        }
    }

    private static Campaign.Order[] PlanOrders(WorldPlan plan, WorldRandom random, HashSet<int> reserved, int count)
    {
        var orders = new Campaign.Order[count];
        for (int i = 0; i < count; i++)
        {
            int customer = PickLegit(plan, random, reserved, 4);
            int time = random.Between(WorldClock.WindowStart + (5 * Day), WorldClock.End - Day);
            var earlier = Enumerable.Range(0, plan.PostCount[customer])
                .Where(k => plan.PostTime(customer, k) < time - Hour)
                .ToArray();
            random.Shuffle(earlier);
            orders[i] = new Campaign.Order(customer, time, earlier[..Math.Min(earlier.Length, random.Between(3, 8))]);
            if (!plan.Purchases.TryGetValue(customer, out var purchases))
            {
                plan.Purchases[customer] = purchases = [];
            }

            purchases.Add(time - random.Between(10 * WorldClock.Minute, 6 * Hour));
        }

        Array.Sort(orders, (x, y) => x.Time.CompareTo(y.Time));
        return orders;
    }

    private static Campaign.Attack[] PlanAttacks(WorldPlan plan, WorldRandom random, int[] victims, int count)
    {
        var attacks = new List<Campaign.Attack>();
        for (int i = 0; i < count; i++)
        {
            int victim = random.Pick(victims);
            int k = random.Next(plan.PostCount[victim]);
            int time = plan.PostTime(victim, k) + random.Between(5 * WorldClock.Minute, 36 * Hour);
            // One pile-on per post: a second wave under the same post would blur the first.
            if (time < WorldClock.End - (2 * Hour) && !attacks.Exists(x => x.Victim == victim && x.PostIndex == k))
            {
                attacks.Add(new Campaign.Attack(victim, k, time));
            }
        }

        attacks.Sort((x, y) => x.Time.CompareTo(y.Time));
        return attacks.ToArray();
    }

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
