using System.Threading.RateLimiting;
using GraphGuard.Storage.Service;

namespace GraphGuard.Api.Security;

/// <summary>A key as the service holds it in memory: its hash, granted scopes, and its own token bucket.</summary>
internal sealed class CachedKey(ApiKeyRecord record, byte[] hash, TokenBucketRateLimiter limiter)
{
    public ApiKeyRecord Record { get; } = record;

    public byte[] Hash { get; } = hash;

    public Scope Granted { get; } = record.Scopes.Aggregate(Scope.None, (all, s) => all | Scopes.Parse(s));

    public bool Revoked => Record.RevokedAt is not null;

    public TokenBucketRateLimiter Limiter { get; } = limiter;

    /// <summary>A bucket of one second's worth of tokens, refilled ten times a second so a burst cannot starve a whole second.</summary>
    public static TokenBucketRateLimiter NewLimiter(int ratePerSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = ratePerSecond,
        TokensPerPeriod = Math.Max(1, ratePerSecond / 10),
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(ratePerSecond >= 10 ? 100 : 1000 / ratePerSecond),
        QueueLimit = 0,
        AutoReplenishment = true,
    });
}
