using GraphGuard.Storage.Service;
using Npgsql;

namespace GraphGuard.Api.Security;

/// <summary>
/// API keys: checks what a new key asks for, generates it and stores its hash (<see cref="ApiKeyRows"/>, which also
/// tells running services), revokes and lists them.
/// </summary>
public static class ApiKeyStore
{
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
        if (!await ApiKeyRows.InsertAsync(dataSource, name, prefix, ApiKeyFormat.Hash(key), [.. scopes.Distinct(StringComparer.Ordinal)], ratePerSecond, ct)
            .ConfigureAwait(false))
        {
            throw new ArgumentException($"a key named '{name}' exists already (names stay taken after a revoke)");
        }
        return key;
    }

    /// <summary>Revokes the key named <paramref name="name"/>; false when there is no such active key.</summary>
    public static Task<bool> RevokeAsync(NpgsqlDataSource dataSource, string name, CancellationToken ct = default) =>
        ApiKeyRows.RevokeAsync(dataSource, name, ct);

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    public static async Task<List<ApiKeyRecord>> ListAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        var keys = new List<ApiKeyRecord>();
        await foreach (var (record, _) in ApiKeyRows.ReadAsync(dataSource, ct).ConfigureAwait(false))
        {
            keys.Add(record);
        }
        return keys;
    }
}
