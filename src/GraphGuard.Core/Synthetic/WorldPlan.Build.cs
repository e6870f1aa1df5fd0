namespace GraphGuard.Core.Synthetic;

internal sealed partial class WorldPlan
{
    public static WorldPlan Build(WorldOptions options)
    {
        var random = new WorldRandom(options.Seed, 0x504C414E);
        var plan = new WorldPlan(options);
        plan.PlaceAccounts(random);
        if (options.Scenarios.Count > 0)
        {
            Scenarios.ScenarioPlanner.Plan(plan, random);
        }
        else
        {
            CampaignPlanner.Plan(plan, random);
        }

        plan.FormFamilies(random);
        plan.IndexCommunities();
        plan.RankCreators();
        plan.OpenCampuses(random);
        plan.AssignCarriers(random);
        plan.PickViralPosts(random);
        plan.ScatterBadRows(random);
        return plan;
    }

    /// <summary>Gives an account a fresh life: creation time, activity, and ordinary posts to match.</summary>
    public void Live(int account, int createdAt, double activity, WorldRandom random)
    {
        CreatedAt[account] = createdAt;
        Activity[account] = (float)activity;
        double activeShare = (WorldClock.End - ActiveStart(account)) / (double)WorldClock.Window;
        PostCount[account] = (short)Math.Min(60, random.Count(0.5 * activity * activeShare));
    }

    private void PlaceAccounts(WorldRandom random)
    {
        // Zipf-sized interest communities: the r-th largest holds a share proportional to 1/r.
        CommunityCount = Math.Clamp(AccountCount / 2_500, 8, 4_000);
        var communityWeights = new double[CommunityCount];
        var communityCountry = new byte[CommunityCount];
        double sum = 0;
        for (int c = 0; c < CommunityCount; c++)
        {
            communityWeights[c] = sum += 1.0 / (c + 1);
            communityCountry[c] = Countries.Sample(random);
        }

        const int creationSpan = WorldClock.End - (2 * WorldClock.Day) - WorldClock.HistoryStart;
        for (int a = 0; a < AccountCount; a++)
        {
            int community = SampleCumulative(communityWeights, random.NextDouble() * sum);
            CommunityOf[a] = community;
            Country[a] = random.Chance(0.65) ? communityCountry[community] : Countries.Sample(random);

            // Linear growth of sign-ups: the creation-time density rises with time, so its CDF is quadratic.
            int created = WorldClock.HistoryStart + (int)(Math.Sqrt(random.NextDouble()) * creationSpan);
            Live(a, created, random.LogNormal(1.0, 0.9), random);
            if (random.Chance(0.015))
            {
                Popularity[a] = (float)random.Pareto(1.1);
                double activeShare = (WorldClock.End - ActiveStart(a)) / (double)WorldClock.Window;
                PostCount[a] = (short)Math.Max(1, (int)(random.Between(15, 80) * activeShare));
            }
        }
    }

    // Families are runs of neighbouring indices: ids are scrambled, so adjacency is invisible in the output.
    private void FormFamilies(WorldRandom random)
    {
        int family = 0;
        for (int a = 0; a < AccountCount; a++)
        {
            if (CampaignOf[a] >= 0 || !random.Chance(0.02))
            {
                continue;
            }

            int size = random.Between(2, 6);
            int chunkEnd = Math.Min(AccountCount, (a / ChunkSize + 1) * ChunkSize);
            int end = a;
            while (end < chunkEnd && end - a < size && CampaignOf[end] < 0)
            {
                end++;
            }

            if (end - a >= 2)
            {
                for (int m = a; m < end; m++)
                {
                    FamilyOf[m] = family;
                    CommunityOf[m] = CommunityOf[a];
                    Country[m] = Country[a];
                }

                family++;
            }

            a = end;
        }
    }

    private void IndexCommunities()
    {
        _communityStart = new int[CommunityCount + 1];
        foreach (int c in CommunityOf)
        {
            _communityStart[c + 1]++;
        }

        for (int c = 0; c < CommunityCount; c++)
        {
            _communityStart[c + 1] += _communityStart[c];
        }

        _communityMembers = new int[AccountCount];
        var next = _communityStart[..^1];
        for (int a = 0; a < AccountCount; a++)
        {
            _communityMembers[next[CommunityOf[a]]++] = a;
        }
    }

    private void RankCreators()
    {
        var byCommunity = new List<int>[CommunityCount];
        for (int c = 0; c < CommunityCount; c++)
        {
            byCommunity[c] = [];
        }

        var global = new List<int>();
        for (int a = 0; a < AccountCount; a++)
        {
            if (Popularity[a] > 0)
            {
                byCommunity[CommunityOf[a]].Add(a);
                global.Add(a);
            }
        }

        _communityCreators = byCommunity.Select(l => l.ToArray()).ToArray();
        _communityCreatorWeights = _communityCreators.Select(Cumulate).ToArray();
        _globalCreators = global.ToArray();
        _globalCreatorWeights = Cumulate(_globalCreators);
    }

    private double[] Cumulate(int[] creators)
    {
        var weights = new double[creators.Length];
        double sum = 0;
        for (int i = 0; i < creators.Length; i++)
        {
            weights[i] = sum += Popularity[creators[i]];
        }

        return weights;
    }

    // Campus Wi-Fi: hundreds of students of one community behind one address.
    private void OpenCampuses(WorldRandom random)
    {
        int campuses = Math.Max(1, AccountCount / 25_000);
        for (int campus = 0; campus < campuses; campus++)
        {
            int community = CommunityOf[random.Next(AccountCount)];
            for (int tries = 0; tries < 100 && CommunitySize(community) < 300; tries++)
            {
                community = CommunityOf[random.Next(AccountCount)];
            }

            int size = Math.Min(random.Between(100, 500), CommunitySize(community) / 3);
            for (int placed = 0, tries = 0; placed < size && tries < size * 5; tries++)
            {
                int a = SampleCommunityMember(random, community);
                if (CampaignOf[a] < 0 && FamilyOf[a] < 0 && CampusOf[a] < 0)
                {
                    CampusOf[a] = campus;
                    placed++;
                }
            }
        }
    }

    // Carrier-grade NAT: thousands of mobile users share each egress address.
    private void AssignCarriers(WorldRandom random)
    {
        int gateways = Math.Max(1, AccountCount / 10_000);
        for (int a = 0; a < AccountCount; a++)
        {
            // Families are on their home Wi-Fi; that shared address is their signature.
            if (CampaignOf[a] < 0 && CampusOf[a] < 0 && FamilyOf[a] < 0 && random.Chance(0.2))
            {
                NatOf[a] = random.Next(gateways);
            }
        }
    }

    private void PickViralPosts(WorldRandom random)
    {
        var lists = new List<ViralPost>[CommunityCount];
        for (int c = 0; c < CommunityCount; c++)
        {
            lists[c] = [];
        }

        int count = Math.Max(4, AccountCount / 2_500);
        for (int number = 1, tries = 0; number <= count && tries < count * 20; tries++)
        {
            int owner = SampleGlobalCreator(random);
            int k = random.Next(PostCount[owner]);
            int time = PostTime(owner, k);
            if (time > WorldClock.End - (2 * WorldClock.Day))
            {
                continue;
            }

            int community = CommunityOf[owner];
            double fans = Math.Clamp(random.LogNormal(400, 0.8), 100, 5_000);
            lists[community].Add(new ViralPost(owner, k, time, Math.Min(0.6, fans / CommunitySize(community)), number));
            number++;
        }

        ViralByCommunity = lists.Select(l => l.ToArray()).ToArray();
    }

    private void ScatterBadRows(WorldRandom random)
    {
        var lists = new List<int>[ChunkCount];
        for (int c = 0; c < ChunkCount; c++)
        {
            lists[c] = [];
        }

        for (int i = 0; i < Options.BadRows; i++)
        {
            lists[random.Next(ChunkCount)].Add(i);
        }

        BadRowsByChunk = lists.Select(l => l.ToArray()).ToArray();
    }
}
