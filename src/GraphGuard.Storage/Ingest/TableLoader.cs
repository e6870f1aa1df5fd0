using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// How one format-v1 file lands: its parser, and how a valid row is encoded (dense ids resolved) for its
/// <see cref="TableTarget"/>. Merges skip or replace rows already stored, so a batch can always be re-run.
/// </summary>
internal abstract class TableLoader<TRow>
{
    public abstract FileSchema Schema { get; }

    public abstract TableTarget Target { get; }

    /// <summary>The parser for a file with this header; timestamps outside <paramref name="plausible"/> are refused.</summary>
    public abstract RowParser<TRow> CreateParser(HeaderLayout layout, TimestampRange plausible);

    /// <summary>
    /// Encodes a row into one of the batch's lanes. Rows that could conflict with each other (the same
    /// key) must always go to the same lane, so each lane keeps file order for its keys.
    /// </summary>
    public abstract void Write(CopyPayload[] lanes, in TRow row, IngestContext context);

    /// <summary>How many lanes this file may use; only the bulk of the data gains from more than one.</summary>
    public virtual int MaxLanes => 1;
}
