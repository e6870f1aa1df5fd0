using GraphGuard.Storage.Notifications;
using Npgsql;

namespace GraphGuard.Storage.Service;

/// <summary>
/// The rows of <c>api_keys</c>. Inserting or revoking one notifies <see cref="NotificationChannels.ApiKeys"/> in the
/// same transaction, so running services refresh their cache at once instead of at their next periodic check.
/// Generating and checking keys is the service's business; only their hashes are stored.
/// </summary>
public static class ApiKeyRows
{
    /// <summary>Inserts a key; false when the name is taken (names stay taken after a revoke).</summary>
    public static async Task<bool> InsertAsync(NpgsqlDataSource dataSource, string name, string prefix, byte[] keyHash, string[] scopes, int ratePerSecond,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var insert = new NpgsqlCommand("""
            insert into api_keys (name, prefix, key_hash, scopes, rate_per_second) values ($1, $2, $3, $4, $5)
            on conflict (name) do nothing
            """, connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = name });
            insert.Parameters.Add(new NpgsqlParameter { Value = prefix });
            insert.Parameters.Add(new NpgsqlParameter { Value = keyHash });
            insert.Parameters.Add(new NpgsqlParameter { Value = scopes });
            insert.Parameters.Add(new NpgsqlParameter { Value = ratePerSecond });
            if (await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }
        await NotifyAsync(connection, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return true;
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

    /// <summary>Every key with its hash, oldest first, revoked ones included.</summary>
    public static async IAsyncEnumerable<(ApiKeyRecord Record, byte[] Hash)> ReadAsync(NpgsqlDataSource dataSource,
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
        await using var notify = new NpgsqlCommand($"notify {NotificationChannels.ApiKeys}", connection);
        await notify.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
