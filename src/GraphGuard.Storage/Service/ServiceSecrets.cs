using System.Security.Cryptography;
using Npgsql;

namespace GraphGuard.Storage.Service;

/// <summary>The <c>service_secrets</c> table: named random keys every service instance shares.</summary>
public static class ServiceSecrets
{
    /// <summary>The key that signs change-feed cursors.</summary>
    public const string CursorKey = "changes_cursor_hmac";

    /// <summary>The secret named <paramref name="name"/>, created (32 random bytes) by whichever instance asks first.</summary>
    public static async Task<byte[]> GetOrCreateAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct = default)
    {
        // Two instances creating it at once: the loser's statement may see neither row; its second try sees the winner's.
        while (true)
        {
            if (await TryGetOrCreateAsync(dataSource, name, ct).ConfigureAwait(false) is { } secret)
            {
                return secret;
            }
        }
    }

    private static async Task<byte[]?> TryGetOrCreateAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            with created as (
                insert into service_secrets (name, secret) values ($1, $2) on conflict (name) do nothing returning secret
            )
            select secret from created union all select secret from service_secrets where name = $1 limit 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        cmd.Parameters.Add(new NpgsqlParameter { Value = RandomNumberGenerator.GetBytes(32) });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) as byte[];
    }
}
