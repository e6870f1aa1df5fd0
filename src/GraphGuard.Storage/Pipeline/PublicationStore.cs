using GraphGuard.Storage.Notifications;
using Npgsql;

namespace GraphGuard.Storage.Pipeline;

/// <summary>
/// Publication: which run the service serves (the latest row of <c>publications</c>), the band changes each
/// publication brings, and retention of old runs. See docs/pipeline.md.
/// </summary>
public static class PublicationStore
{
    /// <summary>The run being served, or null when nothing was published yet.</summary>
    public static async Task<long?> PublishedRunAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select run_id from publications order by publication_id desc limit 1");
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as long?;
    }

    /// <summary>
    /// Publishes a run's scores in one transaction: the publication, a band change for every account whose band
    /// differs from the run served until now (old band null for new accounts, new band null for gone ones), the
    /// run marked succeeded (a <c>publish</c>), and a notification on <see cref="NotificationChannels.Published"/> that PostgreSQL
    /// delivers at commit. Publications take an exclusive lock on the table first, so change ids rise in commit
    /// order and a reader's cursor never skips one.
    /// </summary>
    /// <param name="dataSource">The store.</param>
    /// <param name="runId">The run to serve.</param>
    /// <param name="rollback">False: the run's own publish stage (done once: a second call finds it published and does nothing). True: an older, kept, succeeded run served again.</param>
    /// <param name="note">Kept on the publication.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="InvalidOperationException">The run cannot be published, with the reason.</exception>
    public static Task<Publication> PublishAsync(NpgsqlDataSource dataSource, long runId, bool rollback, string? note, CancellationToken ct = default) =>
        PublishAsync(dataSource, runId, rollback, note, notify: true, ct);

    /// <summary>
    /// <see cref="PublishAsync(NpgsqlDataSource, long, bool, string?, CancellationToken)"/>; without <paramref name="notify"/> the
    /// notification is left out, as when it is lost on its way (tests of the service's periodic check).
    /// </summary>
    internal static async Task<Publication> PublishAsync(NpgsqlDataSource dataSource, long runId, bool rollback, string? note, bool notify, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var lockTable = new NpgsqlCommand("lock table publications in exclusive mode", connection))
        {
            await lockTable.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        string status;
        bool pruned;
        await using (var run = new NpgsqlCommand("select status, pruned_at is not null from pipeline_runs where run_id = $1 for update", connection) { Parameters = { new() { Value = runId } } })
        await using (var reader = await run.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"there is no pipeline run {runId} (never created, or deleted by retention)");
            }
            (status, pruned) = (reader.GetString(0), reader.GetBoolean(1));
        }
        var current = await ScalarAsync<long?>(connection, "select run_id from publications order by publication_id desc limit 1", ct).ConfigureAwait(false);
        if (!rollback && await ScalarAsync<long?>(connection, $"select max(publication_id) from publications where run_id = {runId} and kind = 'publish'", ct).ConfigureAwait(false) is { } earlier)
        {
            return new Publication(earlier, runId, current, 0, AlreadyPublished: true);
        }
        if (pruned)
        {
            throw new InvalidOperationException($"run {runId} was pruned by retention (its scores are deleted); only kept runs can be published");
        }
        if (rollback && status != "succeeded")
        {
            throw new InvalidOperationException($"run {runId} is {status}, not succeeded; only a succeeded run can be published again");
        }
        if (!rollback && status == "failed")
        {
            throw new InvalidOperationException($"run {runId} failed; a failed run is never published");
        }
        if (rollback && current == runId)
        {
            throw new InvalidOperationException($"run {runId} is already the published run");
        }
        if (await ScalarAsync<bool>(connection, $"select not exists (select 1 from risk_scores where run_id = {runId})", ct).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"run {runId} has no scores to publish");
        }
        var publicationId = await ScalarAsync<long>(connection, "insert into publications (run_id, kind, note) values ($1, $2, $3) returning publication_id", ct,
            runId, rollback ? "rollback" : "publish", (object?)note ?? DBNull.Value).ConfigureAwait(false);
        long changes;
        await using (var insert = new NpgsqlCommand("""
            insert into band_changes (publication_id, account_id, old_band, new_band, score)
            select $1, coalesce(n.account_id, o.account_id), o.band, n.band, n.score
            from (select account_id, band, score from risk_scores where run_id = $2) n
            full join (select account_id, band from risk_scores where run_id = $3) o on o.account_id = n.account_id
            where n.band is distinct from o.band
            order by 2
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = publicationId });
            insert.Parameters.Add(new NpgsqlParameter { Value = runId });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)current ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
            changes = await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        if (!rollback)
        {
            await ScalarAsync<int>(connection, "update pipeline_runs set status = 'succeeded', finished_at = now(), error = null where run_id = $1", ct, runId).ConfigureAwait(false);
        }
        if (notify)
        {
            await ScalarAsync<object>(connection, "select pg_notify($1, $2)", ct, NotificationChannels.Published,
                runId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new Publication(publicationId, runId, current, changes, AlreadyPublished: false);
    }

    /// <summary>
    /// Keeps the <paramref name="keep"/> newest succeeded runs of a pipeline and the published run. Older runs
    /// of the pipeline (not running) are deleted with everything they produced; one that was ever published
    /// stays referenced by its publications and band changes, so its outputs are deleted and it is marked pruned.
    /// </summary>
    /// <returns>Runs deleted and runs pruned.</returns>
    public static async Task<(int Deleted, int Pruned)> RetainAsync(NpgsqlDataSource dataSource, string pipeline, int keep, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var old = new NpgsqlCommand("""
            create temporary table retention_old on commit drop as
            select r.run_id, exists (select 1 from publications p where p.run_id = r.run_id) as published
            from pipeline_runs r
            where r.pipeline = $1 and r.status <> 'running' and r.retry_at is null and r.pruned_at is null
              and r.run_id < (select min(run_id) from (
                    select run_id from pipeline_runs where pipeline = $1 and status = 'succeeded' and pruned_at is null
                    order by run_id desc limit $2) kept)
              and r.run_id is distinct from (select run_id from publications order by publication_id desc limit 1)
            """, connection))
        {
            old.Parameters.Add(new NpgsqlParameter { Value = pipeline });
            old.Parameters.Add(new NpgsqlParameter { Value = keep });
            await old.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using var batch = new NpgsqlBatch(connection, tx)
        {
            BatchCommands =
            {
                new("delete from pipeline_runs where run_id in (select run_id from retention_old where not published)"),
                new("delete from risk_scores where run_id in (select run_id from retention_old where published)"),
                new("delete from account_embeddings where run_id in (select run_id from retention_old where published)"),
                new("delete from run_encoders where run_id in (select run_id from retention_old where published)"),
                new("delete from detection_runs where pipeline_run_id in (select run_id from retention_old where published)"),
                new("delete from feature_runs where pipeline_run_id in (select run_id from retention_old where published)"),
                new("update pipeline_runs set pruned_at = now() where run_id in (select run_id from retention_old where published)"),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.CloseAsync().ConfigureAwait(false);
        var deleted = batch.BatchCommands[0].RecordsAffected;
        var pruned = batch.BatchCommands[^1].RecordsAffected;
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return ((int)deleted, (int)pruned);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }
        var value = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull or null ? default! : (T)value;
    }
}
