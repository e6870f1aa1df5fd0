using GraphGuard.Core.Domain;
using GraphGuard.Storage.Database;
using GraphGuard.Storage.Pipeline;
using Npgsql;

namespace GraphGuard.Testing;

/// <summary>
/// A synthetic published run of any size (<c>bench serve</c> uses one of a million accounts), written with SQL alone: accounts
/// <c>acct-1..N</c>, a score per account skewed low like real risk, three reasons each from a dozen sentences,
/// one account in fifty in a cluster of twenty, published by <see cref="PublicationStore"/> as the pipeline's
/// publish stage does. The service cannot tell it from a pipeline's run; the scores mean nothing.
/// </summary>
public static partial class PublishedRun
{
    private const string SyntheticPipeline = "bench-serve";

    private static readonly string[] Reasons =
    [
        "shares a device with 14 other accounts", "follows the same accounts as a lockstep group", "account created less than a day before acting",
        "posts near-duplicate content", "logs in from an IP used by many accounts", "likes in bursts within seconds of other accounts",
        "few followers for its activity", "messages many accounts it has no tie to", "no profile country", "reported by other accounts",
        "engages mostly with one hashtag", "activity at regular intervals",
    ];

    /// <summary>The published run with exactly <paramref name="accounts"/> scores, if the latest publication is one.</summary>
    public static async Task<long?> ExistingSyntheticAsync(NpgsqlDataSource dataSource, int accounts, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select p.run_id from publications p
            where p.publication_id = (select max(publication_id) from publications)
              and (select count(*) from risk_scores s where s.run_id = p.run_id) = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (long)accounts });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is long run ? run : null;
    }

    /// <summary>Writes and publishes a synthetic run of <paramref name="accounts"/> accounts; returns its id.</summary>
    public static async Task<long> SyntheticAsync(NpgsqlDataSource dataSource, int accounts, CancellationToken ct = default)
    {
        long run;
        await using (var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false))
        await using (var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            await Sql.ExecuteAsync(connection, "insert into entities (id, kind, external_id) select i, $2, 'acct-' || i from generate_series(1, $1) i on conflict do nothing",
                ct, accounts, (short)EntityKind.Account).ConfigureAwait(false);
            run = (long)(await Sql.ScalarAsync(connection, """
                insert into pipeline_runs (pipeline, trigger, status, model_version, finished_at)
                values ($1, 'manual', 'succeeded', 'bench-synthetic', now()) returning run_id
                """, ct, SyntheticPipeline).ConfigureAwait(false))!;
            await Sql.ExecuteAsync(connection, """
                insert into risk_scores (run_id, account_id, score, margin, band, reasons)
                select $1, i, s, ln(s / (1 - s)), case when s >= 0.9 then 'high' when s >= 0.5 then 'medium' else 'low' end,
                       array[$3[1 + i % 12], $3[1 + (i * 7 + 3) % 12], $3[1 + (i * 5 + 8) % 12]]
                from (select i, least(0.999, greatest(0.0001, power(random(), 4)))::real s from generate_series(1, $2) i) x
                """, ct, run, accounts, Reasons).ConfigureAwait(false);
            var detection = (int)(await Sql.ScalarAsync(connection, "insert into detection_runs (pipeline_run_id) values ($1) returning detection_run_id", ct, run)
                .ConfigureAwait(false))!;
            await Sql.ExecuteAsync(connection, """
                with started as (
                    insert into campaigns (first_seen_run, first_seen, first_size, last_seen_run, last_seen)
                    select $1, now(), 20, $1, now() from generate_series(0, $2 - 1) returning campaign_id),
                made as (
                    insert into clusters (detection_run_id, detectors, size, core_size, score, campaign_id, joined)
                    select $1, case when k % 3 = 0 then array['lockstep', 'shared_infrastructure'] else array['lockstep'] end, 20, 15, (0.5 + (k % 50) / 100.0)::real,
                           campaign_id, 20
                    from (select campaign_id, row_number() over (order by campaign_id) - 1 as k from started) s returning cluster_id),
                numbered as (select cluster_id, row_number() over (order by cluster_id) - 1 as k from made)
                insert into cluster_members (cluster_id, account_id, role)
                select cluster_id, (k * 1000 + m + 1)::int, case when m < 15 then 'core' else 'periphery' end
                from numbered, generate_series(0, 19) m
                """, ct, detection, Math.Max(1, accounts / 1000)).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
        }
        // The publication (band changes against the run served before, NOTIFY) is the pipeline's own, not a copy of it.
        await PublicationStore.PublishAsync(dataSource, run, rollback: false, note: "bench serve", ct).ConfigureAwait(false);
        return run;
    }

    /// <summary>Up to 20,000 external ids of accounts the run scored, sampled (a small run whole), for load generators.</summary>
    public static async Task<List<string>> SampleIdsAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        var ids = await IdsAsync(dataSource, "risk_scores s tablesample system (5)", runId, ct).ConfigureAwait(false);
        // Small runs can miss the sample entirely: take them whole.
        return ids.Count > 0 ? ids : await IdsAsync(dataSource, "risk_scores s", runId, ct).ConfigureAwait(false);
    }

    /// <summary>How many accounts the run scored.</summary>
    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select count(*) from risk_scores where run_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static async Task<List<string>> IdsAsync(NpgsqlDataSource dataSource, string scores, long runId, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"select e.external_id from {scores} join entities e on e.id = s.account_id where s.run_id = $1 limit 20000");
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }
}
