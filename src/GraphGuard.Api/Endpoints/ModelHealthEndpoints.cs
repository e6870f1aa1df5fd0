using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace;
using GraphGuard.Api.Workspace.Json;
using GraphGuard.Storage.Drift;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace GraphGuard.Api.Endpoints;

/// <summary>The published run's drift (population stability per input and of the scores, clusters, label arrival), for tools and for the workspace's model-health page.</summary>
internal static class ModelHealthEndpoints
{
    public static void Map(WebApplication app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics)
    {
        app.MapGet("/v1/drift", async (HttpContext context) => state.Run is { } run
                ? (IResult)TypedResults.Json(await HealthAsync(dataSource, run.Head.RunId, context.RequestAborted).ConfigureAwait(false), ApiJsonContext.Default.ModelHealthView)
                : Problems.Result(StatusCodes.Status503ServiceUnavailable, EnforcementEndpoints.NoRunDetail))
            .Produces<ModelHealthView>().ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Requires(Scope.ClustersRead).Measured(metrics, "GET /v1/drift")
            .WithName("GetDrift").WithTags("analysts")
            .WithSummary("The published run's drift against its reference run: population stability index of each model input and of the scores, clusters, and label arrival");
        app.MapGet(WorkspaceGuard.ApiPrefix + "/health", async (HttpContext context) => state.Run is { } run
                ? (IResult)TypedResults.Json(await HealthAsync(dataSource, run.Head.RunId, context.RequestAborted).ConfigureAwait(false), WorkspaceJsonContext.Default.ModelHealthView)
                : WorkspaceResults.NoRun(context))
            .Measured(metrics, "GET /workspace/api/health").ExcludeFromDescription();
    }

    private static async Task<ModelHealthView> HealthAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct) =>
        new(runId, await DriftStore.ReadAsync(dataSource, runId, ct).ConfigureAwait(false));
}
