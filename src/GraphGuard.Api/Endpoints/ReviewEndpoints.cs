using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace.Json;
using GraphGuard.Storage.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace GraphGuard.Api.Endpoints;

/// <summary>The published run's review queue, for tools under <c>/v1</c> and for the workspace's review page.</summary>
internal static class ReviewEndpoints
{
    public static void Map(WebApplication app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics) =>
        app.MapForBothAudiences(state, metrics, "/v1/review", "/review", (ApiJsonContext.Default.ReviewQueueView, WorkspaceJsonContext.Default.ReviewQueueView),
                audience => (HttpContext context) => audience.FromRunAsync(context, (run, ct) => QueueAsync(dataSource, run.Head.RunId, ct)))
            .Requires(Scope.ClustersRead)
            .WithName("GetReviewQueue").WithTags("analysts")
            .WithSummary("The published run's review queue: accounts and clusters nearest a band boundary, then a random slice per band, each with why it is queued and its decision");

    private static async Task<ReviewQueueView> QueueAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct)
    {
        var items = await ReviewQueueStore.ListAsync(dataSource, runId, ct).ConfigureAwait(false);
        return new ReviewQueueView(runId, items.Count, items.Count(i => i.Decision is not null), items.ConvertAll(ReviewItemView.From));
    }
}
