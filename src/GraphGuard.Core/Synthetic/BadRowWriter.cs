namespace GraphGuard.Core.Synthetic;

/// <summary>
/// Appends the malformed rows planned for a chunk, one defect each, cycling through every kind so that
/// ten or more bad rows show them all. Rows that name an account use a legitimate account of the chunk
/// or a fresh id, never an id from truth.
/// </summary>
internal static class BadRowWriter
{
    public const int Kinds = 10;

    public static void Write(WorldPlan plan, ChunkOutput output, int chunk, int first, int end)
    {
        var numbers = plan.BadRowsByChunk[chunk];
        if (numbers.Length == 0)
        {
            return;
        }

        int actor = first;
        while (actor < end - 1 && plan.CampaignOf[actor] >= 0)
        {
            actor++;
        }

        int ts = plan.CreatedAt[actor];
        foreach (int number in numbers)
        {
            switch (number % Kinds)
            {
                case 0: // accounts: a column missing
                    FreshId(output.Accounts, 'u', number);
                    output.Accounts.Raw(",2026-01-02T03:04:05Z,US,12,1"u8);
                    output.Accounts.EndRow();
                    break;
                case 1: // accounts: unparseable timestamp
                    FreshId(output.Accounts, 'u', number);
                    output.Accounts.Raw(",2026-13-45T25:61:00Z,US,40,1,1,0"u8);
                    output.Accounts.EndRow();
                    break;
                case 2: // events: target column missing
                    EventStart(plan, output, ts, actor);
                    output.Events.Raw(",like,content"u8);
                    output.Events.EndRow();
                    break;
                case 3: // events: not a timestamp
                    output.Events.Raw("yesterday,"u8);
                    plan.Ids.Account(output.Events, actor);
                    output.Events.Raw(",view,content,p0000000000-0"u8);
                    output.Events.EndRow();
                    break;
                case 4: // events: unknown target type
                    EventStart(plan, output, ts, actor);
                    output.Events.Raw(",follow,planet,mars"u8);
                    output.Events.EndRow();
                    break;
                case 5: // events: id over 256 bytes
                    EventStart(plan, output, ts, actor);
                    output.Events.Raw(",follow,account,u"u8);
                    Repeat(output.Events, (byte)'f', 300);
                    output.Events.EndRow();
                    break;
                case 6: // content_signals: score out of [0, 1]
                    FreshId(output.ContentSignals, 'q', number);
                    output.ContentSignals.Raw(",spam,1.700,spam-v3,"u8);
                    output.ContentSignals.Timestamp(ts);
                    output.ContentSignals.EndRow();
                    break;
                case 7: // labels: unknown label
                    plan.Ids.Account(output.Labels, actor);
                    output.Labels.Raw(",maybe,review,"u8);
                    output.Labels.Timestamp(ts);
                    output.Labels.EndRow();
                    break;
                case 8: // content: day-first date
                    FreshId(output.Content, 'q', number);
                    output.Content.Byte((byte)',');
                    plan.Ids.Account(output.Content, actor);
                    output.Content.Raw(",31/12/2025 10:00,hello there,"u8);
                    output.Content.EndRow();
                    break;
                default: // accounts: id over 256 bytes
                    output.Accounts.Byte((byte)'u');
                    Repeat(output.Accounts, (byte)'a', 290);
                    output.Accounts.Int(number);
                    output.Accounts.Raw(",2025-06-01T00:00:00Z,DE,0,0,1,0"u8);
                    output.Accounts.EndRow();
                    break;
            }
        }
    }

    private static void EventStart(WorldPlan plan, ChunkOutput output, int ts, int actor)
    {
        output.Events.Timestamp(ts);
        output.Events.Byte((byte)',');
        plan.Ids.Account(output.Events, actor);
    }

    // Fresh ids are "xbad" and a number: they collide with nothing the generator writes.
    private static void FreshId(CsvBuffer buffer, char prefix, int number)
    {
        buffer.Byte((byte)prefix);
        buffer.Raw("bad"u8);
        buffer.Digits((ulong)number, 7);
    }

    private static void Repeat(CsvBuffer buffer, byte value, int count)
    {
        for (int i = 0; i < count; i++)
        {
            buffer.Byte(value);
        }
    }
}
