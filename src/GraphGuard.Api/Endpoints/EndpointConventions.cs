using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Endpoints;

/// <summary>What every endpoint declares: its metrics under a route name, and the scope it needs (none: open).</summary>
internal static class EndpointConventions
{
    public static RouteHandlerBuilder Measured(this RouteHandlerBuilder endpoint, ServiceMetrics metrics, string route) =>
        endpoint.WithMetadata(metrics.Route(route));

    public static RouteHandlerBuilder Requires(this RouteHandlerBuilder endpoint, Scope scope) =>
        endpoint.WithMetadata(new RequiredScope(scope))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
