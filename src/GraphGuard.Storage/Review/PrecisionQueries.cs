using GraphGuard.Core.Review;
using Npgsql;

namespace GraphGuard.Storage.Review;

/// <summary>What measuring a run's precision reads: its bands, accounts per band, accounts above a threshold, and the random slice's decisions.</summary>
public static class PrecisionQueries
{
    /// <summary>
    /// The bands the run scored with, from its definition (<c>pipeline_runs.parameters</c>); a run stored without them
    /// gets its bands as its scores show them, each from its lowest score.
    /// </summary>
    public static async Task<List<ReviewBand>> BandsAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select b->>'name', (b->>'min')::double precision
            from pipeline_runs r, jsonb_array_elements(case when jsonb_typeof(r.parameters->'bands') = 'array' then r.parameters->'bands' else '[]' end) with ordinality as t(b, i)
            where r.run_id = $1
            union all
            select band, min(score) from risk_scores
            where run_id = $1 and not exists (select 1 from pipeline_runs where run_id = $1 and jsonb_typeof(parameters->'bands') = 'array')
            group by band
            order by 2
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var bands = new List<ReviewBand>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            bands.Add(new ReviewBand(reader.GetString(0), reader.GetDouble(1)));
        }
        return bands;
    }

    /// <summary>The run's accounts per band.</summary>
    public static async Task<Dictionary<string, long>> AccountsPerBandAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select band, count(*) from risk_scores where run_id = $1 group by band");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var counts = new Dictionary<string, long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>The run's accounts scoring at least each threshold, in the thresholds' order.</summary>
    public static async Task<long[]> AccountsAtLeastAsync(NpgsqlDataSource dataSource, long runId, double[] thresholds, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select (select count(*) from risk_scores where run_id = $1 and score >= t) from unnest($2::double precision[]) with ordinality as u(t, i) order by i
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = thresholds });
        var counts = new List<long>(thresholds.Length);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            counts.Add(reader.GetInt64(0));
        }
        return [.. counts];
    }

    /// <summary>The run's random-slice items an analyst decided abusive or benign (the latest such standing decision on the account).</summary>
    public static async Task<List<ReviewOutcome>> OutcomesAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select i.stratum, i.score, i.inclusion, d.label = 'abusive'
            from review_items i
            join lateral (
                select label from analyst_decisions a
                where a.account_id = i.account_id and a.undone_at is null and a.label in ('abusive', 'benign')
                order by a.decided_at desc, a.decision_id desc limit 1) d on true
            where i.run_id = $1 and i.kind = 'random' order by i.position
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var outcomes = new List<ReviewOutcome>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            outcomes.Add(new ReviewOutcome(reader.GetString(0), reader.GetFloat(1), reader.GetDouble(2), reader.GetBoolean(3)));
        }
        return outcomes;
    }
}
