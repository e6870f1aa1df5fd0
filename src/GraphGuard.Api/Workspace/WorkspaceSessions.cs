using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using GraphGuard.Api.Security;

namespace GraphGuard.Api.Workspace;

/// <summary>
/// Sessions of the analyst workspace, held in memory by the SHA-256 of their cookie token, so a leaked memory
/// dump or log line of the table does not hand out live cookies. A restart signs everyone out, which is fine
/// for a tool analysts sign in to with a key. Sessions end at a fixed time after sign-in (no sliding renewal).
/// </summary>
internal sealed class WorkspaceSessions(ScoringServiceOptions options, TimeProvider clock)
{
    public const string CookieName = "gg_session";

    private readonly ConcurrentDictionary<string, WorkspaceSession> _byTokenHash = new(StringComparer.Ordinal);

    public TimeSpan Lifetime => options.SessionLifetime;

    /// <summary>Opens a session for <paramref name="key"/>; returns the cookie token (never stored) and the session.</summary>
    public (string Token, WorkspaceSession Session) Open(CachedKey key)
    {
        var now = clock.GetUtcNow();
        foreach (var (hash, stale) in _byTokenHash)
        {
            if (stale.ExpiresAt <= now)
            {
                _byTokenHash.TryRemove(hash, out _);
            }
        }
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var csrf = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var session = new WorkspaceSession(key.Record.Prefix, key.Record.Name, key.Granted, now + Lifetime, csrf);
        _byTokenHash[Hash(token)] = session;
        return (token, session);
    }

    /// <summary>The live session of a cookie token; null when unknown, expired (and then forgotten) or signed out.</summary>
    public WorkspaceSession? Find(string token)
    {
        var hash = Hash(token);
        if (!_byTokenHash.TryGetValue(hash, out var session))
        {
            return null;
        }
        if (session.ExpiresAt <= clock.GetUtcNow())
        {
            _byTokenHash.TryRemove(hash, out _);
            return null;
        }
        return session;
    }

    public void Close(string token) => _byTokenHash.TryRemove(Hash(token), out _);

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
