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

    public abstract RowParser<TRow> CreateParser(HeaderLayout layout);

    public abstract void Write(CopyPayload payload, in TRow row, IngestContext context);
}
