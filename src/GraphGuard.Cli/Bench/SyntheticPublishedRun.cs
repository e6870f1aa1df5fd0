using Npgsql;

namespace GraphGuard.Cli.Bench;

/// <summary>
/// A published run for <c>bench serve</c> in its own database, written with SQL alone: accounts
/// <c>acct-1..N</c>, a score per account skewed low like real risk, three reasons each from a dozen sentences,
/// one account in fifty in a cluster of twenty, and a publication with its band changes, as the pipeline's
/// publish writes them. The service cannot tell it from a pipeline's run; the scores mean nothing.
/// </summary>
internal static class SyntheticPublishedRun
{
    public const string Pipeline = "bench-serve";

    private static readonly string[] Reasons =
    [
        "shares a device with 14 other accounts", "follows the same accounts as a lockstep group", "account created less than a day before acting",
        "posts near-duplicate content", "logs in from an IP used by many accounts", "likes in bursts within seconds of other accounts",
        "few followers for its activity", "messages many accounts it has no tie to", "no profile country", "reported by other accounts",
        "engages mostly with one hashtag", "activity at regular intervals",
    ];

    /// <summary>The published run with exactly <paramref name="accounts"/> scores, if the latest publication is one.</summary>
    public static async Task<long?> ExistingAsync(NpgsqlDataSource dataSource, int accounts, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select p.run_id from publications p
            where p.publication_id = (select max(publication_id) from publications)
              and (select count(*) from risk_scores s where s.run_id = p.run_id) = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (long)accounts });
        return await cmd.ExecuteScalarAsync(ct) is long run ? run : null;
    }

    public static async Task<long> CreateAsync(NpgsqlDataSource dataSource, int accounts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await ExecAsync(connection, ct, "insert into entities (id, kind, external_id) select i, 1, 'acct-' || i from generate_series(1, $1) i on conflict do nothing", accounts);
        var run = (long)(await ScalarAsync(connection, ct, """
            insert into pipeline_runs (pipeline, trigger, status, model_version, finished_at)
            values ($1, 'manual', 'succeeded', 'bench-synthetic', now()) returning run_id
            """, Pipeline))!;
        await ExecAsync(connection, ct, """
            insert into risk_scores (run_id, account_id, score, margin, band, reasons)
            select $1, i, s, ln(s / (1 - s)), case when s >= 0.9 then 'high' when s >= 0.5 then 'medium' else 'low' end,
                   array[$3[1 + i % 12], $3[1 + (i * 7 + 3) % 12], $3[1 + (i * 5 + 8) % 12]]
            from (select i, least(0.999, greatest(0.0001, power(random(), 4)))::real s from generate_series(1, $2) i) x
            """, run, accounts, Reasons);
        var detection = (int)(await ScalarAsync(connection, ct, "insert into detection_runs (pipeline_run_id) values ($1) returning detection_run_id", run))!;
        await ExecAsync(connection, ct, """
            with made as (
                insert into clusters (detection_run_id, detectors, size, core_size, score)
                select $1, case when k % 3 = 0 then array['lockstep', 'shared_infrastructure'] else array['lockstep'] end, 20, 15, (0.5 + (k % 50) / 100.0)::real
                from generate_series(0, $2 - 1) k returning cluster_id),
            numbered as (select cluster_id, row_number() over (order by cluster_id) - 1 as k from made)
            insert into cluster_members (cluster_id, account_id, role)
            select cluster_id, (k * 1000 + m + 1)::int, case when m < 15 then 'core' else 'periphery' end
            from numbered, generate_series(0, 19) m
            """, detection, Math.Max(1, accounts / 1000));
        await ExecAsync(connection, ct, "lock table publications in exclusive mode");
        var previous = await ScalarAsync(connection, ct, "select run_id from publications order by publication_id desc limit 1") as long? ?? 0;
        var publication = (long)(await ScalarAsync(connection, ct, "insert into publications (run_id, kind, note) values ($1, 'publish', 'bench serve') returning publication_id", run))!;
        await ExecAsync(connection, ct, """
            insert into band_changes (publication_id, account_id, old_band, new_band, score)
            select $1, coalesce(n.account_id, o.account_id), o.band, n.band, n.score
            from (select account_id, band, score from risk_scores where run_id = $2) n
            full join (select account_id, band from risk_scores where run_id = $3) o on o.account_id = n.account_id
            where o.band is distinct from n.band order by 2
            """, publication, run, previous);
        await ExecAsync(connection, ct, $"notify graphguard_published, '{run}'");
        await tx.CommitAsync(ct);
        return run;
    }

    private static async Task ExecAsync(NpgsqlConnection connection, CancellationToken ct, string sql, params object[] parameters)
    {
        await using var cmd = Command(connection, sql, parameters);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, CancellationToken ct, string sql, params object[] parameters)
    {
        await using var cmd = Command(connection, sql, parameters);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }
        return cmd;
    }
}
