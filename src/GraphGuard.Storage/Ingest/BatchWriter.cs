using System.Diagnostics;
using GraphGuard.Storage.Database;
using Npgsql;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// The database half of an ingest: commits each batch — its rows, new entities and actions, quarantine
/// and the ledger's progress — before taking the next.
/// </summary>
/// <remarks>
/// Implementation note: a batch's rows may come in several lanes, each copied on its own connection and
/// transaction, in parallel: one backend copying into a keyed table is the bottleneck, and rows that
/// share a key always share a lane, so a crash between two lanes' commits still leaves each key's first
/// row first. New entities and actions are committed on another connection, also in parallel, and
/// before the rows that refer to them; entities a crash leaves without rows are found again by the
/// re-run with the same ids, so the end state is unchanged.
/// In each lane rows are first copied straight into their table under a savepoint, the fast path for new
/// data. A key conflict (a re-ingest, a repeated id) rolls back to the savepoint and sends the same bytes
/// to a stage table for a merge that skips or replaces what is stored. After a conflict the lane stays on
/// the merge path for that file until a batch merges without meeting any stored row.
/// </remarks>
internal sealed class BatchWriter(IReadOnlyList<NpgsqlConnection> laneConnections, NpgsqlConnection entityConnection, IngestSummary summary)
{
    private readonly HashSet<(FileSummary, int)> _merging = [];
    private readonly HashSet<(int, string)> _stagesCreated = [];

    private NpgsqlConnection Main => laneConnections[0];

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
        var lanes = new List<NpgsqlTransaction>();
        try
        {
            var loads = new List<Task<long>>();
            for (var lane = 0; lane < batch.Lanes.Length; lane++)
            {
                var tx = await laneConnections[lane].BeginTransactionAsync(ct).ConfigureAwait(false);
                lanes.Add(tx);
                if (batch.Target is { } target && batch.Lanes[lane].Rows > 0)
                {
                    loads.Add(LoadAsync(lane, tx, target, file, batch.Lanes[lane], ct));
                }
            }
            var loaded = (await Task.WhenAll(loads).ConfigureAwait(false)).Sum();
            file.Loaded += loaded;
            file.Unchanged += batch.Rows - loaded;
            await QuarantineWriter.WriteAsync(Main, summary.RunId, batch.Quarantined, ct).ConfigureAwait(false);
            file.Elapsed = Stopwatch.GetElapsedTime(batch.FileStartedAt);
            await RunLedger.UpdateAsync(Main, summary, ct).ConfigureAwait(false);
            await entities.ConfigureAwait(false);
            // Lane 0 holds the ledger: commit it last, so progress never claims rows not yet committed.
            for (var lane = lanes.Count - 1; lane >= 0; lane--)
            {
                await lanes[lane].CommitAsync(ct).ConfigureAwait(false);
            }
        }
        finally
        {
            // The entity connection must be idle before the next batch, even when this one failed.
            await entities.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            foreach (var tx in lanes)
            {
                await tx.DisposeAsync().ConfigureAwait(false);
            }
            foreach (var payload in batch.Lanes)
            {
                payload.Dispose();
            }
        }
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

    private async Task<long> LoadAsync(int lane, NpgsqlTransaction tx, TableTarget target, FileSummary file, CopyPayload payload, CancellationToken ct)
    {
        var connection = laneConnections[lane];
        var rows = payload.Rows;
        var bytes = payload.Complete();
        if (!_merging.Contains((file, lane)))
        {
            await tx.SaveAsync("direct", ct).ConfigureAwait(false);
            try
            {
                await RawCopy.SendAsync(connection, target.CopyInto(target.Table), bytes, ct).ConfigureAwait(false);
                await tx.ReleaseAsync("direct", ct).ConfigureAwait(false);
                return rows;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await tx.RollbackAsync("direct", ct).ConfigureAwait(false);
                _merging.Add((file, lane));
            }
        }
        if (_stagesCreated.Add((lane, target.StageTable)))
        {
            await Sql.ExecuteAsync(connection, target.StageDdl, ct).ConfigureAwait(false);
        }
        await RawCopy.SendAsync(connection, target.CopyInto(target.StageTable), bytes, ct).ConfigureAwait(false);
        var loaded = await Sql.ExecuteAsync(connection, target.MergeSql, ct).ConfigureAwait(false);
        if (loaded == rows)
        {
            _merging.Remove((file, lane));
        }
        return loaded;
    }
}
