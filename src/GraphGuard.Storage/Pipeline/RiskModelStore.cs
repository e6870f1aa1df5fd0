using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Pipeline;

/// <summary>Risk models kept in the database as their artifact's files (<c>risk_models</c>, <c>risk_model_files</c>), so any worker can score with any model.</summary>
public static class RiskModelStore
{
    /// <summary>
    /// A digest of the labels table (every row, analysts' included): training reads the latest label of
    /// each account, so any change here may change the model.
    /// </summary>
    public static async Task<string> LabelsFingerprintAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select count(*) || ':' || coalesce(md5(string_agg(account_id || ',' || label || ',' || source || ',' || coalesce(ts::text, ''), ';'
                order by account_id, ts nulls first, label, source)), '')
            from labels
            """);
        return (string)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>The newest model's version and labels fingerprint, or null when none is stored.</summary>
    public static async Task<(string Version, string LabelsFingerprint)?> LatestAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select model_version, labels_fingerprint from risk_models order by created_at desc, model_version desc limit 1");
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Stores a model trained by a run, replacing any the run trained before.</summary>
    public static async Task ReplaceForRunAsync(NpgsqlDataSource dataSource, long runId, string version, string labelsFingerprint, string summaryJson,
        IReadOnlyDictionary<string, byte[]> files, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("delete from risk_models where run_id = $1", connection) { Parameters = { new() { Value = runId } } })
        {
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var insert = new NpgsqlCommand("insert into risk_models (model_version, run_id, labels_fingerprint, summary) values ($1, $2, $3, $4)", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = version });
            insert.Parameters.Add(new NpgsqlParameter { Value = runId });
            insert.Parameters.Add(new NpgsqlParameter { Value = labelsFingerprint });
            insert.Parameters.Add(new NpgsqlParameter { Value = summaryJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await Files.InsertAsync(connection, "risk_model_files", "model_version", version, files, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The version of the model a run trained, or null when it trained none.</summary>
    public static async Task<string?> TrainedByAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select model_version from risk_models where run_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    /// <summary>A model's files, by name.</summary>
    /// <exception cref="InvalidOperationException">No such model.</exception>
    public static async Task<Dictionary<string, byte[]>> FilesAsync(NpgsqlDataSource dataSource, string version, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select name, content from risk_model_files where model_version = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = version });
        var files = await Files.ReadAsync(cmd, ct).ConfigureAwait(false);
        return files.Count > 0 ? files : throw new InvalidOperationException($"there is no stored risk model {version}");
    }
}
