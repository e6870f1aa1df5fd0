namespace GraphGuard.Core.Synthetic;

// Ordinary life, lived by every account: campaign members too, at their own (usually lower) activity,
// which is their camouflage.
internal sealed partial class ChunkGenerator
{
    private void LiveNormally(int a, in Identity identity)
    {
        int start = _plan.ActiveStart(a);
        int span = WorldClock.End - start;
        if (span <= WorldClock.Hour)
        {
            return;
        }

        double level = _plan.Activity[a] * span / WorldClock.Window;
        int community = _plan.CommunityOf[a];

        for (int i = 1 + _random.Count(3 * level); i > 0; i--)
        {
            Login(Daytime(a, start, span), a, identity);
        }

        for (int i = _random.Count(1.5 * level); i > 0; i--)
        {
            int target = _random.Chance(0.88)
                ? _plan.SampleCreator(_random, community)
                : _plan.SampleCommunityMember(_random, community);
            Follow(Daytime(a, start, span), a, target);
        }

        FollowFamily(a, start, span);
        Engage(a, community, start, _random.Count(3 * level), ",like,content,"u8);
        Engage(a, community, start, _random.Count(5 * level), ",view,content,"u8);
        Engage(a, community, start, _random.Count(0.2 * level), ",share,content,"u8);
        for (int i = _random.Count(0.35 * level); i > 0; i--)
        {
            int owner = _plan.SampleCreator(_random, community);
            int k = _random.Next(_plan.PostCount[owner]);
            int ts = ReactionTime(start, _plan.PostTime(owner, k));
            if (ts >= 0)
            {
                Comment(a, ts, owner, k, _text.LegitComment(community), LegitSpamScore(), LegitToxicityScore(), ContentTruth.Ok);
            }
        }

        for (int i = _random.Count(0.4 * level); i > 0; i--)
        {
            int friend = _plan.FamilyOf[a] >= 0 && a > 0 && _plan.FamilyOf[a - 1] == _plan.FamilyOf[a]
                ? a - 1
                : _plan.SampleCommunityMember(_random, community);
            if (friend != a)
            {
                AccountEvent(Daytime(a, start, span), a, ",message,account,"u8, friend);
            }
        }

        if (_random.Chance(0.02 * level))
        {
            int owner = _plan.SampleGlobalCreator(_random);
            int k = _random.Next(_plan.PostCount[owner]);
            int ts = ReactionTime(start, _plan.PostTime(owner, k));
            if (ts >= 0)
            {
                ContentEvent(ts, a, ",report,content,"u8, owner, k);
            }
        }

        if (identity.Campaign is null or { Organic: true } && _random.Chance(0.01 * level))
        {
            ReportAccount(a, community, start, span);
        }

        for (int k = 0; k < _plan.PostCount[a]; k++)
        {
            PostNormally(a, community, k);
        }

        if (identity.Campaign is null or { Organic: true })
        {
            JoinViralBursts(a, community, start);
            Shop(a, start, span);
        }
    }

    /// <summary>
    /// Coins, gifts and promotions. Engagement-farm customers pay shortly before each order, but they are
    /// far from the only buyers, so a purchase alone proves nothing. Families share one card.
    /// </summary>
    private void Shop(int a, int start, int span)
    {
        int family = _plan.FamilyOf[a];
        ulong card = family >= 0 ? StableHash.Mix(_plan.Key, 0xFA9A, (ulong)family) : StableHash.Mix(_plan.Key, 0xBA7, (ulong)a);
        for (int i = _random.Chance(0.05) ? _random.Between(1, 4) : 0; i > 0; i--)
        {
            PaymentEvent(Daytime(a, start, span), a, card);
        }

        if (_plan.Purchases.TryGetValue(a, out var orders))
        {
            foreach (int time in orders)
            {
                PaymentEvent(time, a, card);
            }
        }
    }

    /// <summary>
    /// Users flag accounts too: half the time a real abuser, otherwise someone they merely dislike, so a
    /// report is evidence, not proof (brigades file reports in bulk against their victims).
    /// </summary>
    private void ReportAccount(int a, int community, int start, int span)
    {
        var campaigns = _plan.Campaigns;
        int target = _random.Chance(0.5) && campaigns[_random.Next(campaigns.Count)] is { Organic: false } reported
            ? _random.Pick(reported.Members)
            : _plan.SampleCommunityMember(_random, community);
        int ts = Math.Max(Daytime(a, start, span), _plan.CreatedAt[target] + WorldClock.Day);
        if (target != a && ts < WorldClock.End)
        {
            AccountEvent(ts, a, ",report,account,"u8, target);
        }
    }

    private int Daytime(int a, int start, int span) =>
        DailyRhythm.Draw(_random, start, span, Countries.UtcOffsetHours[_plan.Country[a]]);

    private void Follow(int ts, int a, int target)
    {
        if (target != a && !_followed.Contains(target))
        {
            _followed.Add(target);
            AccountEvent(ts, a, ",follow,account,"u8, target);
        }
    }

    // Family members sit next to each other in index order (see WorldPlan.FormFamilies).
    private void FollowFamily(int a, int start, int span)
    {
        int family = _plan.FamilyOf[a];
        if (family < 0)
        {
            return;
        }

        for (int m = a - 1; m >= 0 && _plan.FamilyOf[m] == family; m--)
        {
            Follow(Daytime(a, start, span), a, m);
        }

        for (int m = a + 1; m < _plan.AccountCount && _plan.FamilyOf[m] == family; m++)
        {
            Follow(Daytime(a, start, span), a, m);
        }
    }

    /// <summary>Likes, views or shares of posts by creators the account's community favours.</summary>
    private void Engage(int a, int community, int start, int count, ReadOnlySpan<byte> actionAndType)
    {
        for (int i = 0; i < count; i++)
        {
            int owner = _plan.SampleCreator(_random, community);
            int k = _random.Next(_plan.PostCount[owner]);
            int ts = ReactionTime(start, _plan.PostTime(owner, k));
            if (ts >= 0 && owner != a)
            {
                ContentEvent(ts, a, actionAndType, owner, k);
            }
        }
    }

    /// <summary>Hours after the post as a rule; -1 when that would fall after the world ends.</summary>
    private int ReactionTime(int start, int postTime)
    {
        int ts = postTime + (int)_random.LogNormal(6 * WorldClock.Hour, 1.5);
        if (ts < start)
        {
            ts = start + (int)_random.Exponential(2 * WorldClock.Day);
        }

        return ts < WorldClock.End ? ts : -1;
    }

    private void PostNormally(int a, int community, int k)
    {
        int ts = _plan.PostTime(a, k);

        // Creators link out too, often with the URL in the caption, so "has a URL" is no spam verdict.
        byte[]? url = _random.Chance(0.08) ? _text.LegitUrl().ToArray() : null;
        var caption = _text.LegitPost(community, url is not null && _random.Chance(0.6) ? url : default);
        Post(a, k, ts, caption, LegitSpamScore(), LegitToxicityScore(), ContentTruth.Ok);
        for (int tags = _random.Chance(0.5) ? _random.Between(1, 4) : 0; tags > 0; tags--)
        {
            TextEvent(ts, a, ",tag,hashtag,"u8, _random.Chance(0.03) ? _text.SpamHashtag() : _text.Hashtag(community));
        }

        if (url is not null)
        {
            TextEvent(ts, a, ",link,url,"u8, url);
        }
    }

    /// <summary>
    /// Organic bursts: hundreds to thousands of fans react to a viral post within minutes. They look like
    /// lockstep on purpose; lookalikes.csv lists them so detectors can be checked for false positives.
    /// </summary>
    private void JoinViralBursts(int a, int community, int start)
    {
        foreach (var viral in _plan.ViralByCommunity[community])
        {
            if (viral.Owner == a || viral.Time < start || !_random.Chance(viral.JoinRate))
            {
                continue;
            }

            int ts = viral.Time + 20 + (int)_random.Exponential(4 * WorldClock.Minute);
            if (ts >= WorldClock.End)
            {
                continue;
            }

            ContentEvent(ts, a, ",like,content,"u8, viral.Owner, viral.PostIndex);
            if (_random.Chance(0.12))
            {
                int commentTs = Math.Min(WorldClock.End - 1, ts + (int)_random.Exponential(10 * WorldClock.Minute));
                Comment(a, commentTs, viral.Owner, viral.PostIndex, _text.LegitComment(community), LegitSpamScore(), LegitToxicityScore(), ContentTruth.Ok);
            }

            if (_random.Chance(0.08))
            {
                ContentEvent(Math.Min(WorldClock.End - 1, ts + _random.Between(5, 300)), a, ",share,content,"u8, viral.Owner, viral.PostIndex);
            }

            Lookalike(a, "viral_fans-"u8, viral.Number, 4, ",viral_fans"u8);
        }
    }
}
