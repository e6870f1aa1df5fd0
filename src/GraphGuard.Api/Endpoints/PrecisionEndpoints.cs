using System.Globalization;
using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace;
using GraphGuard.Api.Workspace.Json;
using GraphGuard.Storage.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GraphGuard.Api.Endpoints;

/// <summary>The published run's measured precision per band and the enforcement what-if, for tools under <c>/v1</c> and for the workspace.</summary>
internal static class PrecisionEndpoints
{
    private const int MaxThresholds = 20;

    public static void Map(WebApplication app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics)
    {
        app.MapGet("/v1/review/precision", ([FromQuery] string[]? threshold, HttpContext context) =>
                PrecisionAsync(context, state, dataSource, threshold, r => TypedResults.Json(r, ApiJsonContext.Default.RunPrecision)))
            .Produces<RunPrecision>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Requires(Scope.ClustersRead).Measured(metrics, "GET /v1/review/precision")
            .WithName("GetPrecision").WithTags("analysts")
            .WithSummary("Each band's precision measured on the review queue's random slice, with 95% Wilson intervals, and what enforcing at a threshold would action and at what expected precision");
        app.MapGet(WorkspaceGuard.ApiPrefix + "/precision", ([FromQuery] string[]? threshold, HttpContext context) =>
                PrecisionAsync(context, state, dataSource, threshold, r => TypedResults.Json(r, WorkspaceJsonContext.Default.RunPrecision)))
            .Measured(metrics, "GET /workspace/api/precision").ExcludeFromDescription();
    }

    private static async Task<IResult> PrecisionAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string[]? texts, Func<RunPrecision, IResult> json)
    {
        texts ??= [];
        if (texts.Length > MaxThresholds)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, $"at most {MaxThresholds} thresholds, not {texts.Length}");
        }
        var thresholds = new List<double>(texts.Length);
        foreach (var text in texts)
        {
            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) || t is < 0 or > 1)
            {
                return Problems.Result(StatusCodes.Status400BadRequest, $"threshold is a score from 0 to 1, not '{Problems.Shown(text)}'");
            }
            thresholds.Add(t);
        }
        if (state.Run is not { } run)
        {
            return Problems.Result(StatusCodes.Status503ServiceUnavailable, EnforcementEndpoints.NoRunDetail);
        }
        return json(await RunPrecisionQuery.ReadAsync(dataSource, run.Head.RunId, thresholds, context.RequestAborted).ConfigureAwait(false));
    }
}
