using System.Diagnostics;
using Npgsql;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// The database half of an ingest: commits each batch — its rows, new entities and actions, quarantine
/// and the ledger's progress — in one transaction.
/// </summary>
/// <remarks>
/// Implementation note: new entities and actions are committed on a second connection, in parallel with
/// the rows (the server's work per entity is dominated by its two indexes, and this uses the other core).
/// They commit before the rows that refer to them, never after; entities that a crash leaves without rows
/// are found again by the re-run with the same ids, so the end state is unchanged.
/// Rows are first copied straight into their table under a savepoint, the fast path
/// for new data. A key conflict (a re-ingest, a repeated id) rolls back to the savepoint and sends the
/// same bytes to the stage table for a merge that skips or replaces what is stored. After a conflict a
/// file stays on the merge path until a batch merges without meeting any stored row.
/// </remarks>
internal sealed class BatchWriter(NpgsqlConnection connection, NpgsqlConnection entityConnection, IngestSummary summary)
{
    private readonly HashSet<FileSummary> _merging = [];
    private readonly HashSet<string> _stagesCreated = [];

    public async Task WriteAsync(IngestBatch batch, CancellationToken ct)
    {
        var file = batch.File;
        if (!summary.Files.Contains(file))
        {
            summary.Files.Add(file);
        }
        file.Read += batch.Read;
        foreach (var row in batch.Quarantined)
        {
            file.CountQuarantined(row.Reason);
        }
        file.Error ??= batch.FileError;

        var entities = SaveEntitiesAsync(batch, ct);
        await using (var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            if (batch.Target is { } target && batch.Payload.Rows > 0)
            {
                var rows = batch.Payload.Rows;
                var loaded = await LoadAsync(tx, target, file, batch.Payload.Complete(), rows, ct).ConfigureAwait(false);
                file.Loaded += loaded;
                file.Unchanged += rows - loaded;
            }
            await QuarantineWriter.WriteAsync(connection, summary.RunId, batch.Quarantined, ct).ConfigureAwait(false);
            file.Elapsed = Stopwatch.GetElapsedTime(batch.FileStartedAt);
            await RunLedger.UpdateAsync(connection, summary, ct).ConfigureAwait(false);
            await entities.ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        batch.Payload.Dispose();
    }

    private async Task SaveEntitiesAsync(IngestBatch batch, CancellationToken ct)
    {
        if (batch.NewEntities.Count == 0 && batch.NewActions.Count == 0)
        {
            return;
        }
        await using var tx = await entityConnection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await ActionCatalog.SaveAsync(entityConnection, batch.NewActions, ct).ConfigureAwait(false);
        await EntityStore.SaveAsync(entityConnection, batch.NewEntities, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private async Task<long> LoadAsync(NpgsqlTransaction tx, TableTarget target, FileSummary file, ReadOnlyMemory<byte> payload, int rows, CancellationToken ct)
    {
        if (!_merging.Contains(file))
        {
            await tx.SaveAsync("direct", ct).ConfigureAwait(false);
            try
            {
                await RawCopy.SendAsync(connection, target.CopyInto(target.Table), payload, ct).ConfigureAwait(false);
                await tx.ReleaseAsync("direct", ct).ConfigureAwait(false);
                return rows;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await tx.RollbackAsync("direct", ct).ConfigureAwait(false);
                _merging.Add(file);
            }
        }
        if (_stagesCreated.Add(target.StageTable))
        {
            await Ingestor.ExecuteAsync(connection, target.StageDdl, ct).ConfigureAwait(false);
        }
        await RawCopy.SendAsync(connection, target.CopyInto(target.StageTable), payload, ct).ConfigureAwait(false);
        var loaded = await Ingestor.ExecuteAsync(connection, target.MergeSql, ct).ConfigureAwait(false);
        if (loaded == rows)
        {
            _merging.Remove(file);
        }
        return loaded;
    }
}
