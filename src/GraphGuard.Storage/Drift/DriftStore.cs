using GraphGuard.Core.Drift;
using Npgsql;

namespace GraphGuard.Storage.Drift;

/// <summary>A run's drift: its distribution profiles (<c>drift_profiles</c>), its measures against a reference run (<c>drift_runs</c>, <c>drift_measures</c>).</summary>
public static class DriftStore
{
    /// <summary>The run's scores in account order.</summary>
    public static async Task<float[]> ScoresAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select score from risk_scores where run_id = $1 order by account_id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var scores = new List<float>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            scores.Add(reader.GetFloat(0));
        }
        return [.. scores];
    }

    /// <summary>
    /// The run to compare <paramref name="runId"/> with: the run that trained the model it scored with, when that is
    /// another run with profiles (the population the model learned); else the latest earlier run of the pipeline with
    /// profiles; null on the first.
    /// </summary>
    public static async Task<long?> ReferenceRunAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select coalesce(
                (select m.run_id from pipeline_runs r join risk_models m using (model_version)
                 where r.run_id = $1 and m.run_id <> $1 and exists (select 1 from drift_profiles p where p.run_id = m.run_id)),
                (select max(o.run_id) from pipeline_runs o join pipeline_runs r on r.pipeline = o.pipeline
                 where r.run_id = $1 and o.run_id < $1 and exists (select 1 from drift_profiles p where p.run_id = o.run_id)))
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is long reference ? reference : null;
    }

    /// <summary>Replaces the run's profiles in one transaction.</summary>
    public static async Task ReplaceProfilesAsync(NpgsqlDataSource dataSource, long runId, IReadOnlyDictionary<string, DistributionProfile> profiles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("delete from drift_profiles where run_id = $1", connection) { Parameters = { new() { Value = runId } } })
        {
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        foreach (var (variable, profile) in profiles)
        {
            await using var insert = new NpgsqlCommand("insert into drift_profiles (run_id, variable, edges, proportions, rows) values ($1, $2, $3, $4, $5)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = runId });
            insert.Parameters.Add(new NpgsqlParameter { Value = variable });
            insert.Parameters.Add(new NpgsqlParameter { Value = profile.Edges });
            insert.Parameters.Add(new NpgsqlParameter { Value = profile.Proportions });
            insert.Parameters.Add(new NpgsqlParameter { Value = profile.Rows });
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A run's profiles by variable.</summary>
    public static async Task<Dictionary<string, DistributionProfile>> ProfilesAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select variable, edges, proportions, rows from drift_profiles where run_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var profiles = new Dictionary<string, DistributionProfile>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            profiles[reader.GetString(0)] = new DistributionProfile((double[])reader[1], (double[])reader[2], reader.GetInt32(3));
        }
        return profiles;
    }

    /// <summary>The run's cluster count and mean cluster size.</summary>
    public static async Task<(int Clusters, double MeanSize)> ClustersAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select count(*)::integer, coalesce(avg(c.size), 0)::double precision from clusters c join detection_runs d using (detection_run_id) where d.pipeline_run_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (reader.GetInt32(0), reader.GetDouble(1));
    }

    /// <summary>
    /// Label arrival: analysts' labels since the reference run started (all of them without one), and the latest earlier run's
    /// review queue with how many of its items carry a standing decision now.
    /// </summary>
    public static async Task<(int Labels, int QueueItems, int QueueDecided)> LabelArrivalAsync(NpgsqlDataSource dataSource, long runId, long? referenceRunId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            with previous as (
                select max(o.run_id) as run_id from pipeline_runs o join pipeline_runs r on r.pipeline = o.pipeline
                where r.run_id = $1 and o.run_id < $1 and exists (select 1 from review_items i where i.run_id = o.run_id))
            select
                (select count(*)::integer from labels where source = 'analyst'
                 and ts >= coalesce((select created_at from pipeline_runs where run_id = $2), '-infinity')),
                (select count(*)::integer from review_items where run_id = (select run_id from previous)),
                (select count(*)::integer from review_items i where i.run_id = (select run_id from previous)
                 and exists (select 1 from analyst_decisions a where a.account_id = i.account_id and a.undone_at is null))
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)referenceRunId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    /// <summary>Replaces the run's drift summary and measures in one transaction.</summary>
    public static async Task ReplaceAsync(NpgsqlDataSource dataSource, DriftReport report, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var delete = new NpgsqlCommand("delete from drift_runs where run_id = $1", connection) { Parameters = { new() { Value = report.RunId } } })
        {
            await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var insert = new NpgsqlCommand("""
            insert into drift_runs (run_id, reference_run_id, reference_rows, clusters, mean_cluster_size, reference_clusters, reference_mean_cluster_size,
                                    labels_since_reference, queue_items, queue_decided)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, connection))
        {
            foreach (var value in new object?[] { report.RunId, report.ReferenceRunId, report.ReferenceRows, report.Clusters, report.MeanClusterSize, report.ReferenceClusters,
                         report.ReferenceMeanClusterSize, report.LabelsSinceReference, report.QueueItems, report.QueueDecided })
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using (var measures = new NpgsqlCommand("""
            insert into drift_measures (run_id, variable, psi, level, moderate_at, shift_at)
            select $1, * from unnest($2::text[], $3::double precision[], $4::text[], $5::double precision[], $6::double precision[])
            """, connection))
        {
            measures.Parameters.Add(new NpgsqlParameter { Value = report.RunId });
            measures.Parameters.Add(new NpgsqlParameter { Value = report.Measures.Select(m => m.Variable).ToArray() });
            measures.Parameters.Add(new NpgsqlParameter { Value = report.Measures.Select(m => m.Psi).ToArray() });
            measures.Parameters.Add(new NpgsqlParameter { Value = report.Measures.Select(m => m.Level).ToArray() });
            measures.Parameters.Add(new NpgsqlParameter { Value = report.Measures.Select(m => m.ModerateAt).ToArray() });
            measures.Parameters.Add(new NpgsqlParameter { Value = report.Measures.Select(m => m.ShiftAt).ToArray() });
            await measures.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A run's drift report, or null when its drift stage has not run.</summary>
    public static async Task<DriftReport?> ReadAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select reference_run_id, reference_rows, clusters, mean_cluster_size, reference_clusters, reference_mean_cluster_size, labels_since_reference, queue_items, queue_decided,
                   coalesce((select array_agg(variable order by psi desc, variable) from drift_measures m where m.run_id = r.run_id), '{}'),
                   coalesce((select array_agg(psi order by psi desc, variable) from drift_measures m where m.run_id = r.run_id), '{}'),
                   coalesce((select array_agg(level order by psi desc, variable) from drift_measures m where m.run_id = r.run_id), '{}'),
                   coalesce((select array_agg(moderate_at order by psi desc, variable) from drift_measures m where m.run_id = r.run_id), '{}'),
                   coalesce((select array_agg(shift_at order by psi desc, variable) from drift_measures m where m.run_id = r.run_id), '{}')
            from drift_runs r where run_id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        if (!await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            return null;
        }
        var variables = (string[])reader[9];
        var psi = (double[])reader[10];
        var levels = (string[])reader[11];
        var moderate = reader.GetFieldValue<double?[]>(12);
        var shift = reader.GetFieldValue<double?[]>(13);
        return new DriftReport(runId, reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3),
            reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8),
            [.. variables.Select((v, i) => new DriftMeasure(v, psi[i], levels[i], moderate[i], shift[i]))]);
    }
}
