using GraphGuard.Core.Features;
using GraphGuard.Core.Graph;
using GraphGuard.Storage.Ingest;
using GraphGuard.Storage.Snapshots;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Features;

/// <summary>Writes feature matrices per run and reads them back as matrices.</summary>
public static class FeatureStore
{
    /// <summary>Stores a matrix as a new feature run in one transaction; returns the run id.</summary>
    public static Task<int> WriteAsync(NpgsqlDataSource dataSource, FeatureMatrix matrix, SnapshotWindow window, CancellationToken ct = default) =>
        WriteAsync(dataSource, matrix, window, null, null, ct);

    /// <summary>
    /// Stores a matrix as the feature run of kind <paramref name="kind"/> (<c>graph</c>, <c>detectors</c>) of a
    /// pipeline run, replacing the one it had, in one transaction; returns the feature run id.
    /// </summary>
    public static Task<int> ReplaceForPipelineRunAsync(NpgsqlDataSource dataSource, FeatureMatrix matrix, SnapshotWindow window, long pipelineRunId, string kind, CancellationToken ct = default) =>
        WriteAsync(dataSource, matrix, window, pipelineRunId, kind, ct);

    /// <summary>The matrix of kind <paramref name="kind"/> a pipeline run stored.</summary>
    /// <exception cref="InvalidOperationException">The run stored none (its stage has not run).</exception>
    public static async Task<FeatureMatrix> ReadForPipelineRunAsync(NpgsqlDataSource dataSource, long pipelineRunId, string kind, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select max(feature_run_id) from feature_runs where pipeline_run_id = $1 and kind = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = pipelineRunId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = kind });
        var id = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as int?
            ?? throw new InvalidOperationException($"pipeline run {pipelineRunId} has no '{kind}' features: run its stage first");
        return (await ReadAsync(dataSource, id, ct).ConfigureAwait(false)).Matrix;
    }

    private static async Task<int> WriteAsync(NpgsqlDataSource dataSource, FeatureMatrix matrix, SnapshotWindow window, long? pipelineRunId, string? kind, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (pipelineRunId is { } pipelineRun)
        {
            await using var delete = new NpgsqlCommand("delete from feature_runs where pipeline_run_id = $1 and kind = $2", connection)
            {
                Parameters = { new() { Value = pipelineRun }, new() { Value = kind! } },
            };
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        int runId;
        await using (var insert = new NpgsqlCommand(
            "insert into feature_runs (window_from, window_to, names, pipeline_run_id, kind) values ($1, $2, $3, $4, $5) returning feature_run_id", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)window.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)window.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = matrix.Names.ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)pipelineRunId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            runId = (int)(await insert.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }
        using var payload = new CopyPayload();
        for (var r = 0; r < matrix.RowCount; r++)
        {
            payload.StartRow(3);
            payload.WriteInt32(runId);
            payload.WriteInt32(matrix.AccountIds[r]);
            payload.WriteFloat4Array(matrix.Row(r));
        }
        await RawCopy.SendAsync(connection, "copy account_features (feature_run_id, account_id, vals) from stdin (format binary)", payload.Complete(), ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return runId;
    }

    /// <summary>The matrix of a run (the latest when null), rows in account id order.</summary>
    public static async Task<(int RunId, FeatureMatrix Matrix)> ReadAsync(NpgsqlDataSource dataSource, int? runId = null, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        string[] names;
        await using (var header = new NpgsqlCommand(
            "select feature_run_id, names from feature_runs where $1::int is null or feature_run_id = $1 order by feature_run_id desc limit 1", connection))
        {
            header.Parameters.Add(new NpgsqlParameter { Value = (object?)runId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            await using var reader = await header.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                throw new InvalidOperationException(runId is null ? "no feature run has been stored yet" : $"no feature run {runId}");
            }
            runId = reader.GetInt32(0);
            names = (string[])reader[1];
        }
        var matrix = await AccountVectors.ReadAsync(connection,
            $"copy (select account_id, vals from account_features where feature_run_id = {runId.Value} order by account_id) to stdout (format binary)",
            names, $"feature run {runId}", ct).ConfigureAwait(false);
        return (runId.Value, matrix);
    }

    /// <summary>Account creation times as seconds after the graph's time base, long.MinValue where unknown.</summary>
    public static async Task<long[]> ReadCreatedAtAsync(NpgsqlDataSource dataSource, InteractionGraph graph, AccountIndex accounts, CancellationToken ct = default)
    {
        var created = new long[accounts.Count];
        Array.Fill(created, long.MinValue);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var export = await connection.BeginBinaryExportAsync("copy accounts (account_id, created_at) to stdout (format binary)", ct).ConfigureAwait(false);
        while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
        {
            var id = await export.ReadAsync<int>(ct).ConfigureAwait(false);
            var at = await export.ReadAsync<DateTime>(ct).ConfigureAwait(false);
            var index = id < graph.NodeCount ? accounts.IndexOf(id) : -1;
            if (index >= 0)
            {
                created[index] = (long)(at - graph.TimeBase).TotalSeconds;
            }
        }
        return created;
    }
}
