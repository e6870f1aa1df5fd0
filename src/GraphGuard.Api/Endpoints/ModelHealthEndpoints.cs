using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace.Json;
using GraphGuard.Storage.Drift;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace GraphGuard.Api.Endpoints;

/// <summary>The published run's drift (population stability per input and of the scores, clusters, label arrival), for tools and for the workspace's model-health page.</summary>
internal static class ModelHealthEndpoints
{
    public static void Map(WebApplication app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics) =>
        app.MapForBothAudiences(state, metrics, "/v1/drift", "/health", (ApiJsonContext.Default.ModelHealthView, WorkspaceJsonContext.Default.ModelHealthView),
                audience => (HttpContext context) => audience.FromRunAsync(context, async (run, ct) =>
                    new ModelHealthView(run.Head.RunId, await DriftStore.ReadAsync(dataSource, run.Head.RunId, ct).ConfigureAwait(false))))
            .Requires(Scope.ClustersRead)
            .WithName("GetDrift").WithTags("analysts")
            .WithSummary("The published run's drift against its reference run: population stability index of each model input and of the scores, clusters, and label arrival");
}
