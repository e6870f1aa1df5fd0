using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Workspace;
using GraphGuard.Api.Workspace.Json;
using GraphGuard.Storage.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace GraphGuard.Api.Endpoints;

/// <summary>The model registry for tools and for the workspace's registry page: every model with its release decision and metrics, one model with its card.</summary>
internal static class ModelEndpoints
{
    public static void Map(WebApplication app, NpgsqlDataSource dataSource, ServiceMetrics metrics)
    {
        app.MapGet("/v1/models", async (HttpContext context) =>
            {
                return TypedResults.Json(await ListAsync(dataSource, context.RequestAborted).ConfigureAwait(false), ApiJsonContext.Default.ModelListView);
            })
            .Produces<ModelListView>().ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Requires(Scope.ClustersRead).Measured(metrics, "GET /v1/models")
            .WithName("ListModels").WithTags("analysts")
            .WithSummary("The model registry: every risk model, newest first, with its training summary, whether it serves and its champion-and-challenger decision");
        app.MapGet("/v1/models/{version}", async (string version, HttpContext context) =>
            {
                if (version.Length > 200)
                {
                    return Problems.Result(StatusCodes.Status400BadRequest, $"a model version is at most 200 characters, not {version.Length}");
                }
                return await FindAsync(dataSource, version, context.RequestAborted).ConfigureAwait(false) is { } model
                    ? (IResult)TypedResults.Json(model, ApiJsonContext.Default.ModelView)
                    : Problems.Result(StatusCodes.Status404NotFound, $"there is no model '{Problems.Shown(version)}'");
            })
            .Produces<ModelView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Requires(Scope.ClustersRead).Measured(metrics, "GET /v1/models/{version}")
            .WithName("GetModel").WithTags("analysts")
            .WithSummary("One risk model: training summary, release decision with both models' measures, and its model card (Markdown)");
        // The workspace's model registry page reads the same, through its session.
        app.MapGet(WorkspaceGuard.ApiPrefix + "/models", async (HttpContext context) =>
            {
                return TypedResults.Json(await ListAsync(dataSource, context.RequestAborted).ConfigureAwait(false), WorkspaceJsonContext.Default.ModelListView);
            })
            .Measured(metrics, "GET /workspace/api/models").ExcludeFromDescription();
        app.MapGet(WorkspaceGuard.ApiPrefix + "/models/{version}", async (string version, HttpContext context) =>
                version.Length > 200 ? WorkspaceResults.Invalid(context, $"a model version is at most 200 characters, not {version.Length}")
                : await FindAsync(dataSource, version, context.RequestAborted).ConfigureAwait(false) is { } model
                    ? TypedResults.Json(model, WorkspaceJsonContext.Default.ModelView)
                    : WorkspaceResults.NotFound(context, $"there is no model '{Problems.Shown(version)}'"))
            .Measured(metrics, "GET /workspace/api/models/{version}").ExcludeFromDescription();
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
