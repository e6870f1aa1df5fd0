using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Pipeline;

/// <summary>A run's scores (<c>risk_scores</c>) and embeddings (<c>account_embeddings</c>), written by binary COPY.</summary>
public static class ScoreStore
{
    /// <summary>The CSV header of <see cref="ExportAsync"/>.</summary>
    public const string CsvHeader = "account_id,score,band,model_version,reasons";

    /// <summary>Replaces a run's scores in one transaction; returns the rows written.</summary>
    public static async Task<long> ReplaceAsync(NpgsqlDataSource dataSource, long runId, IReadOnlyList<StoredScore> scores, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("delete from risk_scores where run_id = $1", connection) { Parameters = { new() { Value = runId } } })
        {
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("copy risk_scores (run_id, account_id, score, margin, band, reasons) from stdin (format binary)", ct).ConfigureAwait(false))
        {
            foreach (var s in scores)
            {
                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(runId, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await copy.WriteAsync(s.AccountId, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(s.Score, NpgsqlDbType.Real, ct).ConfigureAwait(false);
                await copy.WriteAsync(s.Margin, NpgsqlDbType.Real, ct).ConfigureAwait(false);
                await copy.WriteAsync(s.Band, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(s.Reasons, NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
            }
            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
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
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("delete from account_embeddings where run_id = $1", connection) { Parameters = { new() { Value = runId } } })
        {
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        if (dimension > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("copy account_embeddings (run_id, account_id, vals) from stdin (format binary)", ct).ConfigureAwait(false);
            for (var r = 0; r < accountIds.Length; r++)
            {
                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(runId, NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                await copy.WriteAsync(accountIds[r], NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                await copy.WriteAsync(values.AsSpan(r * dimension, dimension).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Real, ct).ConfigureAwait(false);
            }
            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return dimension > 0 ? accountIds.Length : 0;
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
