using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
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

    public static void Map(WebApplication app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics) =>
        app.MapPublishedRunRead(state, metrics, "/v1/review/precision", "/precision", (ApiJsonContext.Default.RunPrecision, WorkspaceJsonContext.Default.RunPrecision),
                answer => ([FromQuery] string[]? threshold, HttpContext context) => TryThresholds(threshold ?? [], out var thresholds, out var invalid)
                    ? answer(context, (run, ct) => RunPrecisionQuery.ReadAsync(dataSource, run.Head.RunId, thresholds, ct))
                    : Task.FromResult(invalid))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Requires(Scope.ClustersRead)
            .WithName("GetPrecision").WithTags("analysts")
            .WithSummary("Each band's precision measured on the review queue's random slice, with 95% Wilson intervals, and what enforcing at a threshold would action and at what expected precision");

    /// <summary>The what-if thresholds, scores from 0 to 1; false with the 400 to answer (before any run is looked at).</summary>
    private static bool TryThresholds(string[] texts, out List<double> thresholds, [NotNullWhen(false)] out IResult? invalid)
    {
        thresholds = new List<double>(texts.Length);
        invalid = null;
        if (texts.Length > MaxThresholds)
        {
            invalid = Problems.Result(StatusCodes.Status400BadRequest, $"at most {MaxThresholds} thresholds, not {texts.Length}");
            return false;
        }
        foreach (var text in texts)
        {
            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) || t is < 0 or > 1)
            {
                invalid = Problems.Result(StatusCodes.Status400BadRequest, $"threshold is a score from 0 to 1, not '{Problems.Shown(text)}'");
                return false;
            }
            thresholds.Add(t);
        }
        return true;
    }
}
