using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Observability;

/// <summary>Counts each request and times it under its endpoint's <see cref="RouteMetrics"/> (after routing, so the route is known).</summary>
internal sealed class MetricsMiddleware(RequestDelegate next, ServiceMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteMetrics>() ?? metrics.Unmatched;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            route.Record(StatusCodes.Status500InternalServerError, Stopwatch.GetTimestamp() - started);
            throw;
        }
        route.Record(context.Response.StatusCode, Stopwatch.GetTimestamp() - started);
    }
}
