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

    /// <summary>Stores a report as a new detection run (its features as a feature run first), each cluster in its campaign (<see cref="CampaignTracking"/>).</summary>
    public static Task<StoredDetectionRun> WriteAsync(NpgsqlDataSource dataSource, DetectionReport report, InteractionGraph graph, AccountIndex accounts,
        SnapshotWindow window, CancellationToken ct = default) =>
        WriteAsync(dataSource, report, graph, accounts, window, null, ct);

    /// <summary>
    /// Stores a report as the detection run of a pipeline run (its features as the run's <c>detectors</c>
    /// feature run), replacing the ones the pipeline run had: storing the same run again gives the same campaigns.
    /// </summary>
    public static Task<StoredDetectionRun> ReplaceForPipelineRunAsync(NpgsqlDataSource dataSource, DetectionReport report, InteractionGraph graph, AccountIndex accounts,
        SnapshotWindow window, long pipelineRunId, CancellationToken ct = default) =>
        WriteAsync(dataSource, report, graph, accounts, window, pipelineRunId, ct);

    private static async Task<StoredDetectionRun> WriteAsync(NpgsqlDataSource dataSource, DetectionReport report, InteractionGraph graph, AccountIndex accounts,
        SnapshotWindow window, long? pipelineRunId, CancellationToken ct)
    {
        var featureRun = pipelineRunId is { } pipelineRun
            ? await FeatureStore.ReplaceForPipelineRunAsync(dataSource, report.Features, window, pipelineRun, DetectorFeaturesKind, ct).ConfigureAwait(false)
            : await FeatureStore.WriteAsync(dataSource, report.Features, window, ct).ConfigureAwait(false);
        var names = await EntityNames.LoadAsync(dataSource, report.Clusters.SelectMany(c => c.Evidence).SelectMany(e => e.Examples), ct).ConfigureAwait(false);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        int? replaced = null;
        if (pipelineRunId is not null)
        {
            await using var find = new NpgsqlCommand("select detection_run_id from detection_runs where pipeline_run_id = $1", connection) { Parameters = { new() { Value = pipelineRunId.Value } } };
            replaced = await find.ExecuteScalarAsync(ct).ConfigureAwait(false) as int?;
        }
        var campaigns = await CampaignTracking.BeginAsync(connection, replaced, ct).ConfigureAwait(false);
        if (replaced is not null)
        {
            await using var delete = new NpgsqlCommand("delete from detection_runs where detection_run_id = $1", connection) { Parameters = { new() { Value = replaced.Value } } };
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
        var assignments = campaigns.Assign([.. report.Clusters.Select(c => c.Members.Select(a => accounts.Nodes[a]).Order().ToArray())]);
        var ids = new List<long>();
        for (var c = 0; c < report.Clusters.Count; c++)
        {
            var (cluster, assignment) = (report.Clusters[c], assignments[c]);
            var campaign = assignment.CampaignId ?? await CampaignTracking.StartAsync(connection, runId, cluster.Members.Length, ct).ConfigureAwait(false);
            assignments[c] = assignment with { CampaignId = campaign };
            await using var insert = new NpgsqlCommand("""
                insert into clusters (detection_run_id, detectors, size, core_size, score, first_activity, last_activity,
                    campaign_id, previous_cluster_id, previous_size, joined, "left")
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning cluster_id
                """, connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = runId });
            insert.Parameters.Add(new NpgsqlParameter { Value = cluster.Detectors.ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = cluster.Members.Length });
            insert.Parameters.Add(new NpgsqlParameter { Value = cluster.Core.Length });
            insert.Parameters.Add(new NpgsqlParameter { Value = (float)cluster.Score });
            insert.Parameters.Add(new NpgsqlParameter { Value = graph.At(cluster.FirstActivity), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = graph.At(cluster.LastActivity), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            insert.Parameters.Add(new NpgsqlParameter { Value = campaign });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)assignment.PreviousClusterId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)assignment.PreviousSize ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            insert.Parameters.Add(new NpgsqlParameter { Value = assignment.Joined });
            insert.Parameters.Add(new NpgsqlParameter { Value = assignment.Left });
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
        await campaigns.FinishAsync(connection, runId, assignments, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new StoredDetectionRun(runId, assignments.Count(a => a.PreviousClusterId is not null), assignments.Count(a => a.PreviousClusterId is null));
    }
}
