namespace GraphGuard.Core.Synthetic;

// Each pattern's signature, acted out by one member on top of its ordinary life. Members never see each
// other: they follow the campaign's shared schedule with their own jitter.
internal sealed partial class ChunkGenerator
{
    private void ActOut(int a, in Identity identity, Campaign campaign)
    {
        switch (campaign.Pattern)
        {
            case AbusePattern.BotFarm:
                BoostTargets(a, campaign, _plan.CreatedAt[a], 2 * WorldClock.Day, 0.85);
                break;
            case AbusePattern.EngagementFarm:
                FillOrders(a, campaign);
                break;
            case AbusePattern.SpamRing:
                Spam(a, campaign);
                break;
            case AbusePattern.CommentBrigade:
                PileOn(a, campaign);
                break;
            case AbusePattern.Sleeper:
                WakeUp(a, identity, campaign);
                break;
        }
    }

    /// <summary>Follow most targets and like a few of each one's posts, about <paramref name="meanDelay"/> after <paramref name="from"/>.</summary>
    private void BoostTargets(int a, Campaign campaign, int from, double meanDelay, double followRate)
    {
        foreach (int target in campaign.Targets)
        {
            if (_random.Chance(followRate))
            {
                int ts = from + 30 + (int)_random.Exponential(meanDelay);
                if (ts < WorldClock.End)
                {
                    Follow(ts, a, target);
                }
            }

            for (int likes = _random.Between(1, 4); likes > 0; likes--)
            {
                int k = _random.Next(_plan.PostCount[target]);
                int ts = Math.Max(from, _plan.PostTime(target, k)) + 30 + (int)_random.Exponential(meanDelay);
                if (ts < WorldClock.End)
                {
                    ContentEvent(ts, a, ",like,content,"u8, target, k);
                }
            }
        }
    }

    /// <summary>Per paid order: follow the customer and like the same few posts within minutes of the others.</summary>
    private void FillOrders(int a, Campaign campaign)
    {
        foreach (var order in campaign.Orders)
        {
            if (order.Time <= _plan.CreatedAt[a] || !_random.Chance(0.85))
            {
                continue;
            }

            Follow(order.Time + (int)_random.Exponential(4 * WorldClock.Minute), a, order.Customer);
            foreach (int k in order.PostIndexes)
            {
                int ts = order.Time + 30 + (int)_random.Exponential(5 * WorldClock.Minute);
                ContentEvent(Math.Min(WorldClock.End - 1, ts), a, ",like,content,"u8, order.Customer, k);
            }
        }
    }

    /// <summary>Near-duplicate posts and comments carrying the ring's URLs; the classifier catches some.</summary>
    private void Spam(int a, Campaign campaign)
    {
        int from = Math.Max(campaign.Start, _plan.ActiveStart(a));
        int span = campaign.ActiveEnd - from;
        if (span <= WorldClock.Hour)
        {
            return;
        }

        int firstK = _plan.PostCount[a];
        for (int i = _random.Between(4, 21); i > 0; i--)
        {
            int ts = from + _random.Next(span);
            var url = _text.SpamUrl(campaign).ToArray();
            Post(a, firstK++, ts, _text.SpamText(campaign, url), SpamScore(), LowScore(8), ContentTruth.Spam, campaign);
            TextEvent(ts, a, ",link,url,"u8, url);
            for (int tags = _random.Between(0, 3); tags > 0; tags--)
            {
                TextEvent(ts, a, ",tag,hashtag,"u8, _text.SpamHashtag());
            }
        }

        for (int i = _random.Between(2, 9); i > 0; i--)
        {
            int owner = _plan.SampleGlobalCreator(_random);
            int k = _random.Next(_plan.PostCount[owner]);
            int ts = Math.Max(from, _plan.PostTime(owner, k)) + (int)_random.Exponential(6 * WorldClock.Hour);
            if (ts < campaign.ActiveEnd)
            {
                var url = _text.SpamUrl(campaign).ToArray();
                Comment(a, ts, owner, k, _text.SpamText(campaign, url), SpamScore(), LowScore(8), ContentTruth.Spam);
                TextEvent(ts, a, ",link,url,"u8, url);
            }
        }
    }

    // About 40% of spam scores high; the rest sit in the legitimate range, only a little higher.
    private double SpamScore() => _random.Chance(0.4) ? HighScore(0.8) : LowScore(6);

    /// <summary>Hostile comments under the victim's post within minutes of each other, and some reports.</summary>
    private void PileOn(int a, Campaign campaign)
    {
        foreach (var attack in campaign.Attacks)
        {
            if (attack.Time <= _plan.CreatedAt[a] || !_random.Chance(0.75))
            {
                continue;
            }

            int ts = Math.Min(WorldClock.End - 1, attack.Time + (int)_random.Exponential(6 * WorldClock.Minute));
            double toxicity = _random.Chance(0.5) ? HighScore(0.7) : 0.2 + (0.4 * _random.NextDouble());
            Comment(a, ts, attack.Victim, attack.PostIndex, _text.Hostile(), LowScore(12), toxicity, ContentTruth.Harassment);
            if (_random.Chance(0.2))
            {
                AccountEvent(Math.Min(WorldClock.End - 1, ts + _random.Between(10, 600)), a, ",report,account,"u8, attack.Victim);
            }
        }
    }

    /// <summary>At activation: log in through the shared IPs, then boost the same targets within the hour.</summary>
    private void WakeUp(int a, in Identity identity, Campaign campaign)
    {
        int login = campaign.Activation + (int)_random.Exponential(20 * WorldClock.Minute);
        DeviceEvent(login, a, ",login,device,"u8, identity.Device0);
        IpEvent(login, a, ",login,ip,"u8, _random.Pick(campaign.Ips));
        BoostTargets(a, campaign, login, 15 * WorldClock.Minute, 0.9);
    }
}
