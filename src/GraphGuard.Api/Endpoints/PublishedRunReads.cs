using System.Text.Json.Serialization.Metadata;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// A read of the published run that both audiences make: tools under <c>/v1</c> (keyed, in the OpenAPI document) and the
/// workspace under <see cref="WorkspaceGuard.ApiPrefix"/> (signed in, left out of the document). One handler serves both
/// routes; each route answers in its audience's JSON context and with its audience's 503 while no run is loaded.
/// </summary>
internal static class PublishedRunReads
{
    /// <summary>
    /// Maps <paramref name="v1Route"/> and the workspace's <paramref name="workspaceRoute"/> (relative to its API prefix)
    /// with the handler <paramref name="handler"/> builds around each route's <see cref="PublishedRunAnswer{T}"/>; the
    /// handler's parameters bind as any minimal API's do. Returns the /v1 route, for its scope, name and summary.
    /// </summary>
    public static RouteHandlerBuilder MapPublishedRunRead<T>(this WebApplication app, ServiceState state, ServiceMetrics metrics,
        string v1Route, string workspaceRoute, (JsonTypeInfo<T> V1, JsonTypeInfo<T> Workspace) json, Func<PublishedRunAnswer<T>, Delegate> handler)
    {
        var v1 = app.MapGet(v1Route, handler(Answer(state, json.V1, _ => Problems.Result(StatusCodes.Status503ServiceUnavailable, EnforcementEndpoints.NoRunDetail))))
            .Produces<T>().ProducesProblem(StatusCodes.Status503ServiceUnavailable).Measured(metrics, "GET " + v1Route);
        var workspace = WorkspaceGuard.ApiPrefix + workspaceRoute;
        app.MapGet(workspace, handler(Answer(state, json.Workspace, WorkspaceResults.NoRun)))
            .Measured(metrics, "GET " + workspace).ExcludeFromDescription();
        return v1;
    }

    private static PublishedRunAnswer<T> Answer<T>(ServiceState state, JsonTypeInfo<T> json, Func<HttpContext, IResult> noRun) =>
        async (context, load) => state.Run is { } run
            ? TypedResults.Json(await load(run, context.RequestAborted).ConfigureAwait(false), json)
            : noRun(context);
}
