using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// For operators, open without a key: liveness, readiness (a run is loaded), and Prometheus metrics. The
/// service listens on 127.0.0.1 only, and metrics name no accounts, so leaving them open exposes nothing.
/// </summary>
internal static class OperationsEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ServiceState state, ApiKeyCache keys, ServiceMetrics metrics, DatabaseHealth database, TimeProvider clock)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok\n"))
            .Measured(metrics, "GET /healthz")
            .WithName("Health").WithTags("operations").WithSummary("Liveness: the process answers");

        app.MapGet("/readyz", () => Readiness(state, database))
            .Produces<ReadinessView>().Produces<ReadinessView>(StatusCodes.Status503ServiceUnavailable)
            .Measured(metrics, "GET /readyz")
            .WithName("Ready").WithTags("operations").WithSummary("Readiness: 200 once a published run is loaded and the database answers; 503 before, or while the database is unreachable (lookups still answer from memory)");

        app.MapGet("/metrics", () => TypedResults.Text(PrometheusText.Render(metrics, state, keys, clock.GetUtcNow().UtcDateTime), PrometheusText.ContentType))
            .Measured(metrics, "GET /metrics")
            .WithName("Metrics").WithTags("operations").WithSummary("Prometheus text format: requests, latencies, published run, pipelines, rejections");
    }

    private static IResult Readiness(ServiceState state, DatabaseHealth database)
    {
        var run = state.Run;
        if (database.DownSince is { } since)
        {
            var status = $"database unreachable since {since:yyyy-MM-dd'T'HH:mm:ss'Z'}" + (run is null ? "" : $": serving run {run.Head.RunId} from memory");
            return Results.Json(new ReadinessView(status, run?.Head.RunId, run?.Head.PublicationId, run?.AccountCount ?? 0), ApiJsonContext.Default.ReadinessView,
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        return run is not null
            ? Results.Json(new ReadinessView("ready", run.Head.RunId, run.Head.PublicationId, run.AccountCount), ApiJsonContext.Default.ReadinessView)
            : Results.Json(new ReadinessView("no published run loaded", null, null, 0), ApiJsonContext.Default.ReadinessView, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
