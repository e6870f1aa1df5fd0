using Npgsql;

namespace GraphGuard.Api.Security;

/// <summary>
/// API keys in <c>api_keys</c>. Creating or revoking one notifies <see cref="Channel"/>, so running services
/// refresh their cache at once instead of at their next periodic check.
/// </summary>
public static class ApiKeyStore
{
    public const string Channel = "graphguard_keys";

    /// <summary>Creates a key and returns it; the key itself is never stored and cannot be shown again.</summary>
    public static async Task<string> CreateAsync(NpgsqlDataSource dataSource, string name, IReadOnlyCollection<string> scopes, int ratePerSecond,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("a key needs a name (--name)");
        }
        if (scopes.Count == 0)
        {
            throw new ArgumentException($"a key needs at least one scope (--scope {string.Join("|", Scopes.All)})");
        }
        foreach (var scope in scopes)
        {
            Scopes.Parse(scope);
        }
        if (ratePerSecond <= 0)
        {
            throw new ArgumentException($"--rate must be positive, not {ratePerSecond}");
        }
        var (key, prefix) = ApiKeyFormat.Generate();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var insert = new NpgsqlCommand("""
            insert into api_keys (name, prefix, key_hash, scopes, rate_per_second) values ($1, $2, $3, $4, $5)
            on conflict (name) do nothing
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = name });
            insert.Parameters.Add(new NpgsqlParameter { Value = prefix });
            insert.Parameters.Add(new NpgsqlParameter { Value = ApiKeyFormat.Hash(key) });
            insert.Parameters.Add(new NpgsqlParameter { Value = scopes.Distinct(StringComparer.Ordinal).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = ratePerSecond });
            if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
            {
                throw new ArgumentException($"a key named '{name}' exists already (names stay taken after a revoke)");
            }
        }
        await NotifyAsync(connection, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return key;
    }

    /// <summary>Revokes the key named <paramref name="name"/>; false when there is no such active key.</summary>
    public static async Task<bool> RevokeAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var revoke = new NpgsqlCommand("update api_keys set revoked_at = now() where name = $1 and revoked_at is null", connection)
        {
            Parameters = { new() { Value = name } },
        };
        var revoked = await revoke.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
        await NotifyAsync(connection, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return revoked;
    }

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public static async Task<List<ApiKeyRecord>> ListAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        var keys = new List<ApiKeyRecord>();
        await foreach (var (record, _) in ReadAsync(dataSource, ct).ConfigureAwait(false))
        {
            keys.Add(record);
        }
        return keys;
    }

    /// <summary>Every key with its hash, for the service's in-memory cache.</summary>
    internal static async IAsyncEnumerable<(ApiKeyRecord Record, byte[] Hash)> ReadAsync(NpgsqlDataSource dataSource,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select key_id, name, prefix, scopes, rate_per_second, created_at, revoked_at, key_hash from api_keys order by key_id
            """);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var record = new ApiKeyRecord(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), (string[])reader[3], reader.GetInt32(4),
                reader.GetDateTime(5), reader.IsDBNull(6) ? null : reader.GetDateTime(6));
            yield return (record, (byte[])reader[7]);
        }
    }

    private static async Task NotifyAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var notify = new NpgsqlCommand($"notify {Channel}", connection);
        await notify.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
