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
        app.MapForBothAudiences(state, metrics, "/v1/review/precision", "/precision", (ApiJsonContext.Default.RunPrecision, WorkspaceJsonContext.Default.RunPrecision),
                audience => async ([FromQuery] string[]? threshold, HttpContext context) => TryThresholds(threshold ?? [], out var thresholds, out var invalid)
                    ? await audience.FromRunAsync(context, (run, ct) => RunPrecisionQuery.ReadAsync(dataSource, run.Head.RunId, thresholds, ct)).ConfigureAwait(false)
                    : audience.Invalid(context, invalid))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .Requires(Scope.ClustersRead)
            .WithName("GetPrecision").WithTags("analysts")
            .WithSummary("Each band's precision measured on the review queue's random slice, with 95% Wilson intervals, and what enforcing at a threshold would action and at what expected precision");

    /// <summary>The what-if thresholds, scores from 0 to 1; false with what is wrong (checked before any run is looked at).</summary>
    private static bool TryThresholds(string[] texts, out List<double> thresholds, [NotNullWhen(false)] out string? invalid)
    {
        thresholds = new List<double>(texts.Length);
        invalid = texts.Length > MaxThresholds ? $"at most {MaxThresholds} thresholds, not {texts.Length}" : null;
        for (var i = 0; invalid is null && i < texts.Length; i++)
        {
            if (!double.TryParse(texts[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var t) || t is not (>= 0 and <= 1))
            {
                invalid = $"threshold is a score from 0 to 1, not '{Problems.Shown(texts[i])}'";
            }
            thresholds.Add(t);
        }
        return invalid is null;
    }
}
