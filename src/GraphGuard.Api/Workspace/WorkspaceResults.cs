using System.Diagnostics.CodeAnalysis;
using GraphGuard.Api.Endpoints;
using GraphGuard.Api.Snapshot;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Workspace;

/// <summary>The workspace calls' problem answers, in the service's problem+json shape.</summary>
internal static class WorkspaceResults
{
    public static IResult Invalid(HttpContext context, string detail) => Problem(context, StatusCodes.Status400BadRequest, detail);

    public static IResult NotFound(HttpContext context, string detail) => Problem(context, StatusCodes.Status404NotFound, detail);

    public static IResult Forbidden(HttpContext context, string detail) => Problem(context, StatusCodes.Status403Forbidden, detail);

    public static IResult Conflict(HttpContext context, string detail) => Problem(context, StatusCodes.Status409Conflict, detail);

    public static IResult NoRun(HttpContext context) =>
        Problem(context, StatusCodes.Status503ServiceUnavailable, "no published run is loaded yet: the workspace shows the published run once there is one");

    public static IResult NoGraph(HttpContext context) =>
        Problem(context, StatusCodes.Status503ServiceUnavailable, "the published run's graph is still loading; try again in a few seconds");

    /// <summary>The served run and its graph in memory; false with the 503 to answer while either is not loaded yet.</summary>
    public static bool TryServe(HttpContext context, ServiceState state, [NotNullWhen(true)] out PublishedRun? run, [NotNullWhen(true)] out WindowGraph? window,
        [NotNullWhen(false)] out IResult? problem)
    {
        run = state.Run;
        window = run is null ? null : Graph(state, run);
        problem = run is null ? NoRun(context) : window is null ? NoGraph(context) : null;
        return problem is null;
    }

    /// <summary>The published run's graph when the one loaded belongs to the served run.</summary>
    public static WindowGraph? Graph(ServiceState state, PublishedRun run) =>
        state.Graph is { } graph && graph.RunId == run.Head.RunId ? new WindowGraph(graph.Graph) : null;

    public static WorkspaceSession Session(HttpContext context) => context.Features.Get<WorkspaceSession>()!;

    // The instance is the request's path, cut as the service's own problems cut it: a caller's 7,000-byte id is not echoed whole.
    private static IResult Problem(HttpContext context, int status, string detail) =>
        TypedResults.Problem(detail, Problems.Shown(context.Request.Path.Value, 256), status);
}
