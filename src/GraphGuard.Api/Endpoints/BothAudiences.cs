using System.Text.Json.Serialization.Metadata;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// A read that both audiences make: tools under <c>/v1</c> (keyed, in the OpenAPI document) and the workspace under
/// <see cref="WorkspaceGuard.ApiPrefix"/> (signed in, left out of the document). One handler serves both routes; each
/// route answers through its own <see cref="Audience{T}"/>: its JSON context, its problems, its 503 while no run is loaded.
/// </summary>
internal static class BothAudiences
{
    /// <summary>
    /// Maps <paramref name="v1Route"/> and the workspace's <paramref name="workspaceRoute"/> (relative to its API prefix)
    /// with the handler <paramref name="handler"/> builds for each route's audience; the handler's parameters bind as any
    /// minimal API's do. Returns the /v1 route, for its scope, name, summary and further responses.
    /// </summary>
    public static RouteHandlerBuilder MapForBothAudiences<T>(this WebApplication app, ServiceState state, ServiceMetrics metrics,
        string v1Route, string workspaceRoute, (JsonTypeInfo<T> V1, JsonTypeInfo<T> Workspace) json, Func<Audience<T>, Delegate> handler)
    {
        var v1 = app.MapGet(v1Route, handler(new Audience<T>(state, json.V1, workspace: false)))
            .Produces<T>().ProducesProblem(StatusCodes.Status503ServiceUnavailable).Measured(metrics, "GET " + v1Route);
        var workspace = WorkspaceGuard.ApiPrefix + workspaceRoute;
        app.MapGet(workspace, handler(new Audience<T>(state, json.Workspace, workspace: true)))
            .Measured(metrics, "GET " + workspace).ExcludeFromDescription();
        return v1;
    }
}
