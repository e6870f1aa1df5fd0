using System.Buffers;
using System.Buffers.Text;

namespace GraphGuard.Core.Synthetic;

/// <summary>Appends chunk outputs to the streams in chunk order, stamping sequential event ids.</summary>
internal sealed class WorldWriter
{
    private readonly WorldStreams _streams;
    private readonly byte[] _staging = new byte[1 << 20];
    private int _staged;
    private long _eventId;

    public WorldWriter(WorldStreams streams)
    {
        _streams = streams;
        streams.Accounts.Write("account_id,created_at,country,f_bio_length,f_profile_photo,f_verified_email,f_display_name_digits\n"u8);
        streams.Events.Write("event_id,ts,actor,action,target_type,target\n"u8);
        streams.Content.Write("content_id,author,created_at,text,media_hash\n"u8);
        streams.ContentSignals.Write("content_id,signal,score,model,ts\n"u8);
        streams.Labels.Write("account_id,label,source,ts\n"u8);
        streams.ContentLabels.Write("content_id,label,source,ts\n"u8);
        streams.Truth.Write("account_id,campaign,pattern\n"u8);
        streams.Lookalikes.Write("account_id,group,kind\n"u8);
    }

    public long Accounts { get; private set; }
    public long Events => _eventId;
    public long Content { get; private set; }
    public long ContentSignals { get; private set; }
    public long Labels { get; private set; }
    public long ContentLabels { get; private set; }
    public long Truth { get; private set; }
    public long Lookalikes { get; private set; }

    public void Write(ChunkOutput chunk)
    {
        chunk.Accounts.WriteTo(_streams.Accounts);
        WriteEvents(chunk.Events.Written);
        chunk.Content.WriteTo(_streams.Content);
        chunk.ContentSignals.WriteTo(_streams.ContentSignals);
        chunk.Labels.WriteTo(_streams.Labels);
        chunk.ContentLabels.WriteTo(_streams.ContentLabels);
        chunk.Truth.WriteTo(_streams.Truth);
        chunk.Lookalikes.WriteTo(_streams.Lookalikes);
        Accounts += chunk.Accounts.Rows;
        Content += chunk.Content.Rows;
        ContentSignals += chunk.ContentSignals.Rows;
        Labels += chunk.Labels.Rows;
        ContentLabels += chunk.ContentLabels.Rows;
        Truth += chunk.Truth.Rows;
        Lookalikes += chunk.Lookalikes.Rows;
    }

    public void Flush()
    {
        FlushEvents();
        foreach (var (_, stream) in _streams.All())
        {
            stream.Flush();
        }
    }

    private static readonly StandardFormat EventIdFormat = new('D', 12);

    // Event rows never hold a line break inside a field (no free text), so every LF ends a row.
    private void WriteEvents(ReadOnlySpan<byte> rows)
    {
        while (!rows.IsEmpty)
        {
            int length = rows.IndexOf((byte)'\n') + 1;
            if (_staged + length + 24 > _staging.Length)
            {
                FlushEvents();
            }

            var span = _staging.AsSpan(_staged);
            // Fixed-width ids rising in file order, as a logging pipeline's sequence or snowflake ids do.
            span[0] = (byte)'e';
            Utf8Formatter.TryFormat(++_eventId, span[1..], out int digits, EventIdFormat);
            span[1 + digits] = (byte)',';
            rows[..length].CopyTo(span[(2 + digits)..]);
            _staged += 2 + digits + length;
            rows = rows[length..];
        }
    }

    private void FlushEvents()
    {
        _streams.Events.Write(_staging, 0, _staged);
        _staged = 0;
    }
}
