namespace GraphGuard.Core.Synthetic;

/// <summary>
/// Writes every row whose actor is an account of one chunk. Its random stream is seeded from
/// (seed, chunk index) alone, so output never depends on which thread ran which chunk when.
/// </summary>
internal sealed partial class ChunkGenerator
{
    private readonly WorldPlan _plan;
    private readonly WorldIds _ids;
    private readonly ChunkOutput _out;
    private readonly WorldRandom _random;
    private readonly TextComposer _text;
    private readonly List<int> _followed = [];
    private int _comments;

    public ChunkGenerator(WorldPlan plan, ChunkOutput output, int chunk)
    {
        _plan = plan;
        _ids = plan.Ids;
        _out = output;
        _random = new WorldRandom(plan.Options.Seed, 0xC4_0000_0000UL + (ulong)chunk);
        _text = new TextComposer(_random, plan.Key);
        Chunk = chunk;
    }

    public int Chunk { get; }

    public void Generate(CancellationToken cancellationToken)
    {
        _out.Clear();
        int first = Chunk * WorldPlan.ChunkSize;
        int end = Math.Min(_plan.AccountCount, first + WorldPlan.ChunkSize);
        for (int a = first; a < end; a++)
        {
            if ((a & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int campaignIndex = _plan.CampaignOf[a];
            var campaign = campaignIndex >= 0 ? _plan.Campaigns[campaignIndex] : null;
            var identity = Identify(a, campaign);
            _followed.Clear();
            _comments = 0;

            WriteAccount(a, campaign);
            Register(a, identity);
            LiveNormally(a, identity);
            if (campaign?.Scenario is not null)
            {
                ActScenario(a, identity, campaign);
            }
            else if (campaign is not null)
            {
                ActOut(a, identity, campaign);
            }

            if (campaign is { Organic: false })
            {
                WriteTruth(a, campaign);
            }

            var abusive = campaign is { Organic: false } ? campaign : null;
            WriteLabel(a, abusive);
            WriteLookalikes(a);
        }

        BadRowWriter.Write(_plan, _out, Chunk, first, end);
    }

    private Identity Identify(int a, Campaign? campaign)
    {
        ulong key = _plan.Key;
        int family = _plan.FamilyOf[a];
        var identity = new Identity
        {
            Campaign = campaign,
            Device0 = family >= 0 ? _plan.FamilyDevice(family) : StableHash.Mix(key, 0xDE0, (ulong)a),
            Device1 = StableHash.Mix(key, 0xDE1, (ulong)a),
            Device2 = StableHash.Mix(key, 0xDE2, (ulong)a),
            DeviceCount = 1 + (_random.Chance(0.35) ? 1 : 0) + (_random.Chance(0.08) ? 1 : 0),
            HomeIp = family >= 0 ? _plan.FamilyIp(family) : WorldAddresses.Residential(StableHash.Mix(key, 0x1B, (ulong)a)),
            Phone = StableHash.Mix(key, 0xF0, (ulong)a),
        };

        if (_plan.CampusOf[a] >= 0)
        {
            identity.SharedIp = _plan.CampusIp(_plan.CampusOf[a]);
            identity.SharedIpShare = 0.55;
        }
        else if (_plan.NatOf[a] >= 0)
        {
            identity.SharedIp = _plan.NatIp(_plan.NatOf[a]);
            identity.SharedIpShare = 0.6;
        }

        if (campaign is null)
        {
            return identity;
        }

        if (campaign.Scenario is not null)
        {
            IdentifyScenario(ref identity, campaign);
            return identity;
        }

        // Bot farms run on emulators; a third of an engagement farm's accounts sit on its phone racks.
        if (campaign.Pattern == AbusePattern.BotFarm
            || (campaign.Pattern == AbusePattern.EngagementFarm && _random.Chance(0.3)))
        {
            identity.Device0 = _random.Pick(campaign.Devices);
            identity.Device1 = _random.Pick(campaign.Devices);
            identity.Device2 = _random.Pick(campaign.Devices);
        }

        if (campaign.Phones.Length > 0 && _random.Chance(0.7))
        {
            identity.Phone = _random.Pick(campaign.Phones);
        }

        return identity;
    }

    private void WriteAccount(int a, Campaign? campaign)
    {
        var row = _out.Accounts;
        _ids.Account(row, a);
        row.Comma();
        row.Timestamp(_plan.CreatedAt[a]);
        row.Comma();
        row.Raw(Countries.Codes[_plan.Country[a]]);

        // Profile features lean only slightly towards abuse: farms fill profiles in too.
        bool abusive = campaign is not null;
        row.Comma();
        var shift = _plan.Options.ProfileShift;
        row.Int((int)Math.Round(shift * (_random.Chance(abusive ? 0.4 : 0.3) ? 0 : Math.Min(150, (int)_random.LogNormal(abusive ? 35 : 45, 0.7)))));
        row.Comma();
        row.Int(_random.Chance(abusive ? 0.65 : 0.78) ? 1 : 0);
        row.Comma();
        row.Int(_random.Chance(abusive ? 0.5 : 0.62) ? 1 : 0);
        row.Comma();
        row.Int((int)Math.Round(shift * (_random.Chance(abusive ? 0.4 : 0.55) ? 0 : _random.Between(1, abusive ? 7 : 5))));
        row.EndRow();
    }

    private void Register(int a, in Identity identity)
    {
        int created = _plan.CreatedAt[a];
        DeviceEvent(created, a, ",register,device,"u8, identity.Device0);
        IpEvent(created, a, ",register,ip,"u8, PickIp(identity));
        PhoneEvent(created + _random.Between(10, 600), a, identity.Phone);
    }

    private uint PickIp(in Identity identity)
    {
        var campaign = identity.Campaign;
        if (campaign is not null && campaign.Ips.Length > 0 && campaign.IpsInDailyLife && _random.Chance(campaign.IpShare))
        {
            return _random.Pick(campaign.Ips);
        }

        if (identity.SharedIp != 0 && _random.Chance(identity.SharedIpShare))
        {
            return identity.SharedIp;
        }

        // Now and then a café, a hotel, a friend's Wi-Fi.
        return _random.Chance(0.05) ? WorldAddresses.Residential(_random.NextUInt64()) : identity.HomeIp;
    }

    private ulong PickDevice(in Identity identity)
    {
        int pick = _random.Chance(0.7) ? 0 : _random.Next(identity.DeviceCount);
        return pick switch
        {
            0 => identity.Device0,
            1 => identity.Device1,
            _ => identity.Device2,
        };
    }

    private void Login(int ts, int a, in Identity identity)
    {
        DeviceEvent(ts, a, ",login,device,"u8, PickDevice(identity));
        IpEvent(ts, a, ",login,ip,"u8, PickIp(identity));
    }

    private void WriteLabel(int a, Campaign? campaign)
    {
        var options = _plan.Options;
        if (campaign is not null ? !_random.Chance(options.AbusiveLabelRate) : !_random.Chance(options.BenignLabelRate))
        {
            return;
        }

        var row = _out.Labels;
        _ids.Account(row, a);
        int from = campaign is not null ? Math.Max(campaign.Start, _plan.CreatedAt[a]) : _plan.ActiveStart(a);
        from = Math.Min(from, WorldClock.End - WorldClock.Hour);
        if (campaign is not null)
        {
            row.Raw(_random.Chance(0.6) ? ",abusive,enforcement,"u8 : ",abusive,review,"u8);
        }
        else
        {
            row.Raw(_random.Chance(0.8) ? ",benign,review,"u8 : ",benign,appeal,"u8);
        }

        row.Timestamp(_random.Between(from, WorldClock.End) + (int)options.LabelDelay.TotalSeconds);
        row.EndRow();
    }

    private void WriteTruth(int a, Campaign campaign)
    {
        var row = _out.Truth;
        _ids.Account(row, a);
        row.Raw(campaign.TruthColumns);
        row.EndRow();
    }

    private void WriteLookalikes(int a)
    {
        if (_plan.CampaignOf[a] >= 0 && _plan.Campaigns[_plan.CampaignOf[a]] is { Organic: true } crowd)
        {
            var row = _out.Lookalikes;
            _ids.Account(row, a);
            row.Raw(crowd.TruthColumns);
            row.EndRow();
        }

        if (_plan.FamilyOf[a] >= 0)
        {
            Lookalike(a, "family-"u8, _plan.FamilyOf[a], 6, ",family"u8);
        }

        if (_plan.CampusOf[a] >= 0)
        {
            Lookalike(a, "campus-"u8, _plan.CampusOf[a], 3, ",campus"u8);
        }

        if (_plan.NatOf[a] >= 0)
        {
            Lookalike(a, "carrier_nat-"u8, _plan.NatOf[a], 4, ",carrier_nat"u8);
        }
    }

    private void Lookalike(int a, ReadOnlySpan<byte> group, int number, int digits, ReadOnlySpan<byte> kind)
    {
        var row = _out.Lookalikes;
        _ids.Account(row, a);
        row.Comma();
        row.Raw(group);
        row.Digits((ulong)number, digits);
        row.Raw(kind);
        row.EndRow();
    }

    /// <summary>Where an account logs in from and on what; shared with its family, campus or campaign.</summary>
    private struct Identity
    {
        public Campaign? Campaign;
        public ulong Device0;
        public ulong Device1;
        public ulong Device2;
        public int DeviceCount;
        public uint HomeIp;
        public uint SharedIp;
        public double SharedIpShare;
        public ulong Phone;
    }
}
