using NpgsqlTypes;
using Npgsql;

namespace GraphGuard.Storage.Content;

/// <summary>Keeps the in-house content models' scores: one model version's scores replace the label's earlier ones.</summary>
public static class ContentScoreStore
{
    /// <summary>Replaces every score of <paramref name="label"/> with these, in one transaction.</summary>
    public static async Task ReplaceAsync(NpgsqlDataSource dataSource, string label, string modelVersion,
        IAsyncEnumerable<IReadOnlyList<(int ContentId, float Score)>> batches, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("delete from content_scores where label = $1", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = label });
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var import = await connection.BeginBinaryImportAsync(
            "copy content_scores (content_id, label, model_version, score) from stdin (format binary)", ct).ConfigureAwait(false))
        {
            await foreach (var batch in batches.WithCancellation(ct).ConfigureAwait(false))
            {
                foreach (var (id, score) in batch)
                {
                    await import.StartRowAsync(ct).ConfigureAwait(false);
                    await import.WriteAsync(id, NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                    await import.WriteAsync(label, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                    await import.WriteAsync(modelVersion, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                    await import.WriteAsync(score, NpgsqlDbType.Real, ct).ConfigureAwait(false);
                }
            }
            await import.CompleteAsync(ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
