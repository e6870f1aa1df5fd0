using System.Text.Json;
using GraphGuard.Core.Detection;
using GraphGuard.Core.Graph;
using GraphGuard.Storage.Features;
using GraphGuard.Storage.Snapshots;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Detection;

/// <summary>Stores detection runs: clusters, members, evidence, detector features. <see cref="ClusterQueries"/> reads them back.</summary>
public static class ClusterStore
{
    /// <summary><c>feature_runs.kind</c> of the detectors' features within a pipeline run.</summary>
    public const string DetectorFeaturesKind = "detectors";

    /// <summary>Stores a report as a new detection run (its features as a feature run first); returns the run id.</summary>
    public static Task<int> WriteAsync(NpgsqlDataSource dataSource, DetectionReport report, InteractionGraph graph, AccountIndex accounts,
        SnapshotWindow window, CancellationToken ct = default) =>
        WriteAsync(dataSource, report, graph, accounts, window, null, ct);

    /// <summary>
    /// Stores a report as the detection run of a pipeline run (its features as the run's <c>detectors</c>
    /// feature run), replacing the ones the pipeline run had; returns the detection run id.
    /// </summary>
    public static Task<int> ReplaceForPipelineRunAsync(NpgsqlDataSource dataSource, DetectionReport report, InteractionGraph graph, AccountIndex accounts,
        SnapshotWindow window, long pipelineRunId, CancellationToken ct = default) =>
        WriteAsync(dataSource, report, graph, accounts, window, pipelineRunId, ct);

    private static async Task<int> WriteAsync(NpgsqlDataSource dataSource, DetectionReport report, InteractionGraph graph, AccountIndex accounts,
        SnapshotWindow window, long? pipelineRunId, CancellationToken ct)
    {
        var featureRun = pipelineRunId is { } pipelineRun
            ? await FeatureStore.ReplaceForPipelineRunAsync(dataSource, report.Features, window, pipelineRun, DetectorFeaturesKind, ct).ConfigureAwait(false)
            : await FeatureStore.WriteAsync(dataSource, report.Features, window, ct).ConfigureAwait(false);
        var names = await EntityNames.LoadAsync(dataSource, report.Clusters.SelectMany(c => c.Evidence).SelectMany(e => e.Examples), ct).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (pipelineRunId is not null)
        {
            await using var delete = new NpgsqlCommand("delete from detection_runs where pipeline_run_id = $1", connection) { Parameters = { new() { Value = pipelineRunId.Value } } };
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        int runId;
        await using (var insert = new NpgsqlCommand(
            "insert into detection_runs (window_from, window_to, feature_run_id, timings, pipeline_run_id) values ($1, $2, $3, $4, $5) returning detection_run_id", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)window.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)window.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = featureRun });
            insert.Parameters.Add(new NpgsqlParameter
            {
                Value = JsonSerializer.Serialize(report.Timings.ToDictionary(t => t.Step, t => Math.Round(t.Elapsed.TotalSeconds, 3))),
                NpgsqlDbType = NpgsqlDbType.Jsonb,
            });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)pipelineRunId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            runId = (int)(await insert.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }
        var ids = new List<long>();
        foreach (var cluster in report.Clusters)
        {
            await using var insert = new NpgsqlCommand("""
                insert into clusters (detection_run_id, detectors, size, core_size, score, first_activity, last_activity)
                values ($1, $2, $3, $4, $5, $6, $7) returning cluster_id
                """, connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = runId });
            insert.Parameters.Add(new NpgsqlParameter { Value = cluster.Detectors.ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = cluster.Members.Length });
            insert.Parameters.Add(new NpgsqlParameter { Value = cluster.Core.Length });
            insert.Parameters.Add(new NpgsqlParameter { Value = (float)cluster.Score });
            insert.Parameters.Add(new NpgsqlParameter { Value = graph.At(cluster.FirstActivity), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = graph.At(cluster.LastActivity), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            ids.Add((long)(await insert.ExecuteScalarAsync(ct).ConfigureAwait(false))!);
        }
        await using (var members = await connection.BeginBinaryImportAsync("copy cluster_members (cluster_id, account_id, role) from stdin (format binary)", ct).ConfigureAwait(false))
        {
            for (var c = 0; c < ids.Count; c++)
            {
                var cluster = report.Clusters[c];
                foreach (var a in cluster.Members)
                {
                    await members.StartRowAsync(ct).ConfigureAwait(false);
                    await members.WriteAsync(ids[c], NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                    await members.WriteAsync(accounts.Nodes[a], NpgsqlDbType.Integer, ct).ConfigureAwait(false);
                    await members.WriteAsync(Array.BinarySearch(cluster.Core, a) >= 0 ? "core" : "periphery", NpgsqlDbType.Text, ct).ConfigureAwait(false);
                }
            }
            await members.CompleteAsync(ct).ConfigureAwait(false);
        }
        await using (var evidence = await connection.BeginBinaryImportAsync(
            "copy cluster_evidence (cluster_id, ordinal, kind, numbers, examples, sentence) from stdin (format binary)", ct).ConfigureAwait(false))
        {
            for (var c = 0; c < ids.Count; c++)
            {
                var facts = report.Clusters[c].Evidence;
                for (var i = 0; i < facts.Count; i++)
                {
                    await evidence.StartRowAsync(ct).ConfigureAwait(false);
                    await evidence.WriteAsync(ids[c], NpgsqlDbType.Bigint, ct).ConfigureAwait(false);
                    await evidence.WriteAsync((short)i, NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
                    await evidence.WriteAsync(JsonNamingPolicy.SnakeCaseLower.ConvertName(facts[i].Kind.ToString()), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                    await evidence.WriteAsync(JsonSerializer.Serialize(facts[i].Numbers.ToDictionary(n => n.Key, n => Math.Round(n.Value, 4))), NpgsqlDbType.Jsonb, ct).ConfigureAwait(false);
                    await evidence.WriteAsync(facts[i].Examples.Select(names.Qualified).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct).ConfigureAwait(false);
                    await evidence.WriteAsync(EvidenceSentence.Render(facts[i], names.Describe), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                }
            }
            await evidence.CompleteAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return runId;
    }
}
