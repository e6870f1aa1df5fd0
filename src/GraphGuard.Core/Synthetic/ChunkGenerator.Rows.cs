namespace GraphGuard.Core.Synthetic;

// Row writers. Each event's action and target type come in as one literal (",like,content,"u8) so a
// row is a handful of span copies and number formats.
internal sealed partial class ChunkGenerator
{
    private void EventHead(int ts, int actor, ReadOnlySpan<byte> actionAndType)
    {
        var row = _out.Events;
        row.Timestamp(ts);
        row.Comma();
        _ids.Account(row, actor);
        row.Raw(actionAndType);
    }

    private void AccountEvent(int ts, int actor, ReadOnlySpan<byte> actionAndType, int target)
    {
        EventHead(ts, actor, actionAndType);
        _ids.Account(_out.Events, target);
        _out.Events.EndRow();
    }

    private void ContentEvent(int ts, int actor, ReadOnlySpan<byte> actionAndType, int owner, int k)
    {
        EventHead(ts, actor, actionAndType);
        _ids.Post(_out.Events, owner, k);
        _out.Events.EndRow();
    }

    private void DeviceEvent(int ts, int actor, ReadOnlySpan<byte> actionAndType, ulong device)
    {
        EventHead(ts, actor, actionAndType);
        WorldIds.Device(_out.Events, device);
        _out.Events.EndRow();
    }

    private void IpEvent(int ts, int actor, ReadOnlySpan<byte> actionAndType, uint ip)
    {
        EventHead(ts, actor, actionAndType);
        _out.Events.Ip(ip);
        _out.Events.EndRow();
    }

    private void PhoneEvent(int ts, int actor, ulong phone)
    {
        EventHead(ts, actor, ",verify,phone,"u8);
        WorldIds.Phone(_out.Events, phone);
        _out.Events.EndRow();
    }

    private void PaymentEvent(int ts, int actor, ulong payment)
    {
        EventHead(ts, actor, ",purchase,payment,"u8);
        WorldIds.Payment(_out.Events, payment);
        _out.Events.EndRow();
    }

    /// <summary>URL and hashtag targets, whose ids are their text.</summary>
    private void TextEvent(int ts, int actor, ReadOnlySpan<byte> actionAndType, ReadOnlySpan<byte> target)
    {
        EventHead(ts, actor, actionAndType);
        _out.Events.Text(target);
        _out.Events.EndRow();
    }

    /// <summary>
    /// The k-th post of <paramref name="author"/>: content row with its media hash, classifier scores, perhaps a
    /// reviewer's verdict, and the post event. A post of <paramref name="campaign"/> re-uploads one of its clips.
    /// </summary>
    private void Post(int author, int k, int ts, ReadOnlySpan<byte> text, double spam, double toxicity, ContentTruth truth, Campaign? campaign = null)
    {
        ulong contentKey = StableHash.Mix(0xC1, (ulong)author, (ulong)k);
        ulong media = campaign is null
            ? MediaComposer.Organic(_plan.Key, contentKey)
            : MediaComposer.CampaignCopy(campaign.Key, campaign.Organic ? 1 : 2 + (int)(campaign.Key % 5), contentKey);
        var row = _out.Content;
        _ids.Post(row, author, k);
        ContentRest(row, author, ts, text);
        row.Comma();
        row.Hex(media, 16);
        row.EndRow();
        for (int signal = 0; signal < 2; signal++)
        {
            _ids.Post(_out.ContentSignals, author, k);
            SignalRest(signal, ts, signal == 0 ? spam : toxicity);
        }

        if (ContentReview.TryReview(_plan.Key, contentKey, truth, spam, toxicity, out var verdict, out int delay))
        {
            _ids.Post(_out.ContentLabels, author, k);
            ContentLabelRest(ts + delay, verdict);
        }

        ContentEvent(ts, author, ",post,content,"u8, author, k);
    }

    /// <summary>A comment is content of its own (no media), plus a <c>comment</c> event aimed at the parent post.</summary>
    private void Comment(int author, int ts, int parentOwner, int parentK, ReadOnlySpan<byte> text, double spam, double toxicity, ContentTruth truth)
    {
        int j = _comments++;
        var row = _out.Content;
        _ids.Comment(row, author, j);
        ContentRest(row, author, ts, text);
        row.Comma();
        row.EndRow();
        for (int signal = 0; signal < 2; signal++)
        {
            _ids.Comment(_out.ContentSignals, author, j);
            SignalRest(signal, ts, signal == 0 ? spam : toxicity);
        }

        if (ContentReview.TryReview(_plan.Key, StableHash.Mix(0xC2, (ulong)author, (ulong)j), truth, spam, toxicity, out var verdict, out int delay))
        {
            _ids.Comment(_out.ContentLabels, author, j);
            ContentLabelRest(ts + delay, verdict);
        }

        ContentEvent(ts, author, ",comment,content,"u8, parentOwner, parentK);
    }

    private void ContentRest(CsvBuffer row, int author, int ts, ReadOnlySpan<byte> text)
    {
        row.Comma();
        _ids.Account(row, author);
        row.Comma();
        row.Timestamp(ts);
        row.Comma();
        row.Text(text);
    }

    private void ContentLabelRest(int ts, ContentTruth verdict)
    {
        var row = _out.ContentLabels;
        row.Comma();
        row.Raw(ContentReview.Label(verdict));
        row.Raw(",review,"u8);
        row.Timestamp(Math.Min(WorldClock.End - 1, ts));
        row.EndRow();
    }

    private void SignalRest(int signal, int contentTs, double score)
    {
        var row = _out.ContentSignals;
        row.Raw(signal == 0 ? ",spam,"u8 : ",toxicity,"u8);
        row.Score(score);
        row.Raw(signal == 0 ? ",spam-v3,"u8 : ",tox-v2,"u8);

        // Classifiers score content shortly after it is posted.
        row.Timestamp(Math.Min(WorldClock.End - 1, contentTs + _random.Between(5, 900)));
        row.EndRow();
    }

    /// <summary>Beta(1, b) by inversion: most mass near zero, a long thin tail.</summary>
    private double LowScore(double b) => 1.0 - Math.Pow(_random.NextDouble(), 1.0 / b);

    private double HighScore(double floor) => floor + (_random.NextDouble() * (0.995 - floor));

    private double LegitSpamScore() => _random.Chance(0.005) ? HighScore(0.8) : LowScore(12);

    private double LegitToxicityScore() => _random.Chance(0.02) ? HighScore(0.6) : LowScore(8);
}
