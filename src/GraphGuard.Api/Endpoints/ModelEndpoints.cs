using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace.Json;
using GraphGuard.Storage.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace GraphGuard.Api.Endpoints;

/// <summary>The model registry for tools and for the workspace's registry page: every model with its release decision and metrics, one model with its card.</summary>
internal static class ModelEndpoints
{
    public static void Map(WebApplication app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics)
    {
        app.MapForBothAudiences(state, metrics, "/v1/models", "/models", (ApiJsonContext.Default.ModelListView, WorkspaceJsonContext.Default.ModelListView),
                audience => async (HttpContext context) => audience.Json(await ListAsync(dataSource, context.RequestAborted).ConfigureAwait(false)))
            .Requires(Scope.ClustersRead)
            .WithName("ListModels").WithTags("analysts")
            .WithSummary("The model registry: every risk model, newest first, with its training summary, whether it serves and its champion-and-challenger decision");
        app.MapForBothAudiences(state, metrics, "/v1/models/{version}", "/models/{version}", (ApiJsonContext.Default.ModelView, WorkspaceJsonContext.Default.ModelView),
                audience => async (string version, HttpContext context) =>
                    version.Length > 200 ? audience.Invalid(context, $"a model version is at most 200 characters, not {version.Length}")
                    : await FindAsync(dataSource, version, context.RequestAborted).ConfigureAwait(false) is { } model ? audience.Json(model)
                    : audience.NotFound(context, $"there is no model '{Problems.Shown(version)}'"))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Scope.ClustersRead)
            .WithName("GetModel").WithTags("analysts")
            .WithSummary("One risk model: training summary, release decision with both models' measures, and its model card (Markdown)");
    }

    private static async Task<ModelListView> ListAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var models = await ModelRegistry.ListAsync(dataSource, ct).ConfigureAwait(false);
        return new ModelListView(models.FirstOrDefault(m => m.Serving)?.Version, [.. models.Select(m => ModelView.From(m, null))]);
    }

    private static async Task<ModelView?> FindAsync(NpgsqlDataSource dataSource, string version, CancellationToken ct) =>
        await ModelRegistry.FindAsync(dataSource, version, ct).ConfigureAwait(false) is { } model
            ? ModelView.From(model, await ModelRegistry.CardAsync(dataSource, version, ct).ConfigureAwait(false))
            : null;
}
