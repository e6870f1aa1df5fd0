namespace GraphGuard.Storage.Service;

/// <summary>One row of <c>api_keys</c>, without its hash.</summary>
public sealed record ApiKeyRecord(int KeyId, string Name, string Prefix, IReadOnlyList<string> Scopes, int RatePerSecond,
    DateTime CreatedAt, DateTime? RevokedAt);
