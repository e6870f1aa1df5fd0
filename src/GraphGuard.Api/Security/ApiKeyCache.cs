using GraphGuard.Storage.Service;
using Npgsql;

namespace GraphGuard.Api.Security;

/// <summary>
/// Every API key, held in memory so authenticating a request costs a hash and a dictionary lookup, never a
/// database round trip. Refreshed as a whole (a new immutable map swapped in) periodically and on NOTIFY.
/// </summary>
internal sealed class ApiKeyCache : IDisposable
{
    public const string RevokedFailure = "the API key has been revoked";

    private volatile Dictionary<string, CachedKey> _byPrefix = new(StringComparer.Ordinal);

    public int Count => _byPrefix.Count;

    /// <summary>Finds the key a caller presented; null with the reason when it is unknown, malformed or revoked.</summary>
    public CachedKey? Authenticate(ReadOnlySpan<char> presented, out string? failure)
    {
        if (!ApiKeyFormat.TryGetPrefix(presented, out var prefix))
        {
            failure = "the API key is malformed (expected gg_<prefix>_<secret>)";
            return null;
        }
        if (!_byPrefix.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(prefix, out var key) || !ApiKeyFormat.Matches(presented, key.Hash))
        {
            failure = "the API key is not valid";
            return null;
        }
        if (key.Revoked)
        {
            failure = RevokedFailure;
            return null;
        }
        failure = null;
        return key;
    }

    /// <summary>Reloads every key. A key whose rate is unchanged keeps its bucket, so a refresh cannot reset a limit.</summary>
    public async Task RefreshAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var old = _byPrefix;
        var fresh = new Dictionary<string, CachedKey>(StringComparer.Ordinal);
        await foreach (var (record, hash) in ApiKeyRows.ReadAsync(dataSource, ct).ConfigureAwait(false))
        {
            var limiter = old.TryGetValue(record.Prefix, out var previous) && previous.Record.RatePerSecond == record.RatePerSecond
                ? previous.Limiter
                : CachedKey.NewLimiter(record.RatePerSecond);
            fresh[record.Prefix] = new CachedKey(record, hash, limiter);
        }
        _byPrefix = fresh;
        var retired = old.Where(o => !fresh.TryGetValue(o.Key, out var kept) || kept.Limiter != o.Value.Limiter).Select(o => o.Value.Limiter).ToList();
        if (retired.Count > 0)
        {
            // A request that read the old map may still be acquiring from a retired bucket: dispose it a little later.
            _ = Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => retired.ForEach(l => l.Dispose()), TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        foreach (var key in _byPrefix.Values)
        {
            key.Limiter.Dispose();
        }
    }
}
