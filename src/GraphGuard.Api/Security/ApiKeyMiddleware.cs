using GraphGuard.Api.Endpoints;
using GraphGuard.Api.Observability;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace GraphGuard.Api.Security;

/// <summary>
/// Authenticates requests to endpoints that carry a <see cref="RequiredScope"/>: the key from
/// <c>Authorization: Bearer</c> or <c>X-Api-Key</c>, checked against the in-memory cache (401), its scopes (403),
/// then its token bucket (429). The caller's key is left in the request's features for the endpoint.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyCache keys, ServiceMetrics metrics)
{
    private const string Challenge = "Bearer realm=\"graphguard\"";
    private const string InvalidChallenge = "Bearer realm=\"graphguard\", error=\"invalid_token\"";

    public Task InvokeAsync(HttpContext context)
    {
        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>();
        if (required is null)
        {
            return next(context);
        }
        if (SeveralKeys(context.Request.Headers.Authorization) || SeveralKeys(context.Request.Headers["X-Api-Key"]))
        {
            // Which of two keys would count is a guess we refuse to make. Repeated headers may also arrive
            // folded into one, comma-separated; a key never holds a comma.
            return Problems.WriteAsync(context, StatusCodes.Status400BadRequest,
                "the request carries more than one Authorization (or X-Api-Key) header: send exactly one key");
        }
        var presented = Presented(context.Request.Headers);
        if (presented.IsEmpty)
        {
            metrics.MissingKey();
            context.Response.Headers.WWWAuthenticate = Challenge;
            return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized,
                "an API key is required: send 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'");
        }
        var key = keys.Authenticate(presented, out var failure);
        if (key is null)
        {
            metrics.InvalidKey(revoked: failure == ApiKeyCache.RevokedFailure);
            context.Response.Headers.WWWAuthenticate = InvalidChallenge;
            return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, failure!);
        }
        if (!Scopes.Allows(key.Granted, required.Scope))
        {
            metrics.LackingScope();
            return Problems.WriteAsync(context, StatusCodes.Status403Forbidden,
                $"the key '{key.Record.Name}' lacks the scope '{Scopes.Name(required.Scope)}' this endpoint needs");
        }
        using var lease = key.Limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            metrics.RateLimited();
            var wait = lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.WriteAsync(context, StatusCodes.Status429TooManyRequests,
                $"the key '{key.Record.Name}' is limited to {key.Record.RatePerSecond} requests per second");
        }
        context.Features.Set(key);
        return next(context);
    }

    private static bool SeveralKeys(StringValues values) => values.Count > 1 || values.Count == 1 && values[0]!.Contains(',');

    /// <summary>The key a request carries in <c>Authorization: Bearer</c> or <c>X-Api-Key</c>; empty when none.</summary>
    internal static ReadOnlySpan<char> Presented(IHeaderDictionary headers)
    {
        StringValues authorization = headers.Authorization;
        if (authorization.Count == 1 && authorization[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return value.AsSpan(7).Trim();
        }
        StringValues apiKey = headers["X-Api-Key"];
        return apiKey.Count == 1 && apiKey[0] is { } key ? key.AsSpan().Trim() : default;
    }
}
