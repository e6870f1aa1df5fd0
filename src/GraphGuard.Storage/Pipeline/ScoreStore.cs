using System.Globalization;
using Npgsql;
using GraphGuard.Core.Features;
using GraphGuard.Storage.Features;
using GraphGuard.Storage.Ingest;

namespace GraphGuard.Storage.Pipeline;

/// <summary>A run's scores (<c>risk_scores</c>) and embeddings (<c>account_embeddings</c>), written by binary COPY.</summary>
public static class ScoreStore
{
    /// <summary>The CSV header of <see cref="ExportAsync"/>.</summary>
    public const string CsvHeader = "account_id,score,band,model_version,reasons";

    /// <summary>Replaces a run's scores in one transaction; returns the rows written.</summary>
    public static async Task<long> ReplaceAsync(NpgsqlDataSource dataSource, long runId, IReadOnlyList<StoredScore> scores, CancellationToken ct = default)
    {
        using var payload = new CopyPayload();
        foreach (var s in scores)
        {
            payload.StartRow(7);
            payload.WriteInt64(runId);
            payload.WriteInt32(s.AccountId);
            payload.WriteFloat4(s.Score);
            payload.WriteFloat4(s.Margin);
            payload.WriteText(s.Band);
            payload.WriteTextArray(s.Reasons);
            payload.WriteFloat4Array(s.ReasonContributions);
        }
        await ReplaceRunRowsAsync(dataSource, "risk_scores", runId, "copy risk_scores (run_id, account_id, score, margin, band, reasons, reason_contributions) from stdin (format binary)", payload, ct).ConfigureAwait(false);
        return scores.Count;
    }

    /// <summary>Replaces a run's account embeddings in one transaction; returns the rows written.</summary>
    /// <param name="dataSource">The store.</param>
    /// <param name="runId">The pipeline run.</param>
    /// <param name="accountIds">entities.id per row.</param>
    /// <param name="values">Row-major, <paramref name="dimension"/> values per account.</param>
    /// <param name="dimension">The embedding's width.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<long> ReplaceEmbeddingsAsync(NpgsqlDataSource dataSource, long runId, int[] accountIds, float[] values, int dimension, CancellationToken ct = default)
    {
        using var payload = new CopyPayload();
        for (var r = 0; r < accountIds.Length && dimension > 0; r++)
        {
            payload.StartRow(3);
            payload.WriteInt64(runId);
            payload.WriteInt32(accountIds[r]);
            payload.WriteFloat4Array(values.AsSpan(r * dimension, dimension));
        }
        await ReplaceRunRowsAsync(dataSource, "account_embeddings", runId, "copy account_embeddings (run_id, account_id, vals) from stdin (format binary)", payload, ct).ConfigureAwait(false);
        return payload.Rows;
    }

    /// <summary>
    /// A run's stored embedding as a matrix with columns <paramref name="names"/>, rows in account id order
    /// (what the embeddings stage wrote, so the score stage does not run GraphSAGE again).
    /// </summary>
    /// <exception cref="InvalidDataException">A stored row is not <paramref name="names"/> wide.</exception>
    public static async Task<FeatureMatrix> ReadEmbeddingsAsync(NpgsqlDataSource dataSource, long runId, IReadOnlyList<string> names, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        return await AccountVectors.ReadAsync(connection,
            $"copy (select account_id, vals from account_embeddings where run_id = {runId} order by account_id) to stdout (format binary)",
            names, $"account_embeddings of run {runId}", ct).ConfigureAwait(false);
    }

    // Delete and insert in one transaction: a re-run of the stage leaves exactly its new rows.
    private static async Task ReplaceRunRowsAsync(NpgsqlDataSource dataSource, string table, long runId, string copy, CopyPayload payload, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand($"delete from {table} where run_id = $1", connection) { Parameters = { new() { Value = runId } } })
        {
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        if (payload.Rows > 0)
        {
            await RawCopy.SendAsync(connection, copy, payload.Complete(), ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a run's scores as CSV (<see cref="CsvHeader"/>; external account ids, reasons joined by <c>|</c>),
    /// riskiest first: the published run, or <paramref name="runId"/>. Returns the run and the rows written.
    /// </summary>
    /// <exception cref="InvalidOperationException">Nothing is published, or the run has no scores.</exception>
    public static async Task<(long RunId, long Rows)> ExportAsync(NpgsqlDataSource dataSource, long? runId, TextWriter writer, CancellationToken ct = default)
    {
        var run = runId ?? await PublicationStore.PublishedRunAsync(dataSource, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("no run has been published yet: run 'graphguard run' first");
        await using var cmd = dataSource.CreateCommand("""
            select e.external_id, s.score, s.band, coalesce(r.model_version, ''), array_to_string(s.reasons, '|')
            from risk_scores s join entities e on e.id = s.account_id join pipeline_runs r using (run_id)
            where s.run_id = $1 order by s.margin desc, e.external_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = run });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        long rows = 0;
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            if (rows == 0)
            {
                await writer.WriteLineAsync(CsvHeader.AsMemory(), ct).ConfigureAwait(false);
            }
            var score = reader.GetFloat(1).ToString("0.######", CultureInfo.InvariantCulture);
            await writer.WriteLineAsync(
                $"{CsvField.Quote(reader.GetString(0))},{score},{CsvField.Quote(reader.GetString(2))},{CsvField.Quote(reader.GetString(3))},{CsvField.Quote(reader.GetString(4))}".AsMemory(), ct).ConfigureAwait(false);
            rows++;
        }
        return rows > 0 ? (run, rows) : throw new InvalidOperationException($"run {run} has no scores (it does not exist, was pruned, or its score stage has not run)");
    }
}
