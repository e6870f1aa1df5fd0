namespace GraphGuard.Api.Observability;

/// <summary>Every counter the service keeps, for <c>/metrics</c>.</summary>
internal sealed class ServiceMetrics
{
    private readonly List<RouteMetrics> _routes = [];
    private long _missingKey;
    private long _invalidKey;
    private long _revokedKey;
    private long _lackingScope;
    private long _rateLimited;

    public ServiceMetrics() => Unmatched = Route("unmatched");

    /// <summary>Requests that matched no endpoint.</summary>
    public RouteMetrics Unmatched { get; }

    public IReadOnlyList<RouteMetrics> Routes => _routes;

    /// <summary>A route's metrics; called while endpoints are mapped, before any request.</summary>
    public RouteMetrics Route(string route)
    {
        var metrics = new RouteMetrics(route);
        _routes.Add(metrics);
        return metrics;
    }

    public void MissingKey() => Interlocked.Increment(ref _missingKey);

    public void InvalidKey(bool revoked) => Interlocked.Increment(ref revoked ? ref _revokedKey : ref _invalidKey);

    public void LackingScope() => Interlocked.Increment(ref _lackingScope);

    public void RateLimited() => Interlocked.Increment(ref _rateLimited);

    public IEnumerable<(string Reason, long Count)> AuthRejections()
    {
        yield return ("missing_key", Volatile.Read(ref _missingKey));
        yield return ("invalid_key", Volatile.Read(ref _invalidKey));
        yield return ("revoked_key", Volatile.Read(ref _revokedKey));
        yield return ("lacking_scope", Volatile.Read(ref _lackingScope));
    }

    public long RateLimitedCount => Volatile.Read(ref _rateLimited);
}
