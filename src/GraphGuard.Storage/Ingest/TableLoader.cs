using GraphGuard.Core.Interchange;
using Npgsql;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// How one format-v1 file lands: valid rows are binary-COPYed into a temporary stage table (dense ids
/// already resolved), then merged into the real table by one set-based statement that skips rows that
/// are already there. Re-running a batch therefore changes nothing.
/// </summary>
internal abstract class TableLoader<TRow>
{
    public abstract FileSchema Schema { get; }

    /// <summary>DDL of the temp stage table; rows vanish at each commit.</summary>
    public abstract string StageDdl { get; }

    public abstract string CopyCommand { get; }

    /// <summary>Merges the stage into the table and returns the number of rows inserted or changed.</summary>
    public abstract string MergeSql { get; }

    public abstract RowParser<TRow> CreateParser(HeaderLayout layout);

    /// <summary>Writes one row into the stage COPY; <paramref name="line"/> orders duplicates (last wins).</summary>
    public abstract void Write(NpgsqlBinaryImporter import, in TRow row, long line, IngestContext context);
}
