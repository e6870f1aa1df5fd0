namespace GraphGuard.Api.Security;

/// <summary>
/// The key that signs change-feed cursors: from the options when set (every instance configured alike),
/// else the one kept in the database (<c>service_secrets</c>), loaded by the publication watcher.
/// </summary>
internal sealed class CursorKey(ScoringServiceOptions options)
{
    private volatile byte[]? _key = options.CursorSecret is { } secret ? Convert.FromBase64String(secret) : null;

    /// <summary>The key, or null until it is loaded.</summary>
    public byte[]? Current => _key;

    public void Set(byte[] key) => _key ??= key;
}
