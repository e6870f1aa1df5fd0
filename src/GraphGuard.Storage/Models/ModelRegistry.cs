using Npgsql;

namespace GraphGuard.Storage.Models;

/// <summary>The model registry: every stored risk model with its training summary, whether it serves, and its release decision; one model's card.</summary>
public static class ModelRegistry
{
    private const string Select = """
        select m.model_version, m.run_id, m.created_at, m.summary::text,
               m.model_version = (select r.model_version from publications p join pipeline_runs r using (run_id) order by p.publication_id desc limit 1),
               x.run_id, x.champion, x.released, x.reason, x.labels, x.challenger_auprc, x.champion_auprc, x.challenger_precision, x.champion_precision, x.tolerance, x.decided_at
        from risk_models m
        left join lateral (select * from model_releases x where x.challenger = m.model_version order by x.decided_at desc limit 1) x on true
        """;

    /// <summary>Every model, newest first.</summary>
    public static async Task<List<RegisteredModel>> ListAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Select + " order by m.created_at desc, m.model_version desc");
        return await ReadAsync(cmd, ct).ConfigureAwait(false);
    }

    /// <summary>One model, or null when there is no such version.</summary>
    public static async Task<RegisteredModel?> FindAsync(NpgsqlDataSource dataSource, string version, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand(Select + " where m.model_version = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = version });
        return (await ReadAsync(cmd, ct).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <summary>The model's card (its artifact's MODEL_CARD.md), or null when it has none.</summary>
    public static async Task<string?> CardAsync(NpgsqlDataSource dataSource, string version, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select convert_from(content, 'UTF8') from risk_model_files where model_version = $1 and name = 'MODEL_CARD.md'");
        cmd.Parameters.Add(new NpgsqlParameter { Value = version });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as string;
    }

    private static async Task<List<RegisteredModel>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var models = new List<RegisteredModel>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var version = reader.GetString(0);
            var release = reader.IsDBNull(5) ? null : new ModelRelease(reader.GetInt64(5), version, reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7),
                reader.GetString(8), reader.GetInt32(9), Nullable(reader, 10), Nullable(reader, 11), Nullable(reader, 12), Nullable(reader, 13), reader.GetDouble(14),
                reader.GetDateTime(15));
            models.Add(new RegisteredModel(version, reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetDateTime(2), reader.GetString(3),
                !reader.IsDBNull(4) && reader.GetBoolean(4), release));
        }
        return models;
    }

    private static double? Nullable(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDouble(column);
}
