using System.Globalization;
using GraphGuard.Api.Data;
using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using GraphGuard.Core.Interchange;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Service;
using GraphGuard.Storage.Snapshots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace GraphGuard.Api.Endpoints;

/// <summary>For analysts: the published run's clusters, one cluster with its subgraph, an account's neighborhood, and decisions.</summary>
internal static class AnalystEndpoints
{
    private const int MaxClusterPage = 500;
    private const int MaxMembers = 1000;
    private const int MaxSubgraphEdges = 5000;
    private const int MaxNeighborhoodNodes = 1000;

    public static void Map(IEndpointRouteBuilder app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics)
    {
        app.MapGet("/v1/clusters", ([FromQuery] string? order, [FromQuery] string? detector, [FromQuery] string? limit, [FromQuery] string? offset, HttpContext context) =>
                ListAsync(context, state, dataSource, order, detector, limit, offset))
            .Produces<ClusterListView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Requires(Scope.ClustersRead).Measured(metrics, "GET /v1/clusters")
            .WithName("ListClusters").WithTags("analysts")
            .WithSummary("The published run's clusters, by score (default) or size, optionally only those a detector contributed to");

        app.MapGet("/v1/clusters/{id}", (string id, HttpContext context) => ShowAsync(context, state, dataSource, id))
            .Produces<ClusterView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Scope.ClustersRead).Measured(metrics, "GET /v1/clusters/{id}")
            .WithName("GetCluster").WithTags("analysts")
            .WithSummary("One cluster: evidence sentences, members with roles and risk, and its subgraph (members, the targets two or more of them acted on, and the events to those) as nodes and edges");

        app.MapGet("/v1/accounts/{id}/neighborhood", (string id, [FromQuery] string? hops, [FromQuery] string? limit, HttpContext context) =>
                NeighborhoodAsync(context, state, dataSource, id, hops, limit))
            .Produces<NeighborhoodView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .Requires(Scope.ClustersRead).Measured(metrics, "GET /v1/accounts/{id}/neighborhood")
            .WithName("GetNeighborhood").WithTags("analysts")
            .WithSummary("Entities within 1 to 3 hops of an account (events either way), aggregated by action, at most 'limit' nodes");

        app.MapPost("/v1/labels", (Func<HttpContext, Task>)(context => LabelAsync(context, dataSource)))
            .Accepts<LabelRequestView>("application/json")
            .Produces<LabelResultView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Requires(Scope.LabelsWrite).Measured(metrics, "POST /v1/labels")
            .WithName("PostLabel").WithTags("analysts")
            .WithSummary("Record an analyst's decision (abusive or benign) on an account or on every member of a cluster");
    }

    private static async Task<IResult> ListAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string? order, string? detector,
        string? limitText, string? offsetText)
    {
        if (order is not (null or "score" or "size"))
        {
            return EnforcementEndpoints.Invalid(context, $"order is 'score' or 'size', not '{Problems.Shown(order)}'");
        }
        if (detector is { Length: > 0 } && !FieldRules.IsName(detector.AsSpan(), 64))
        {
            return EnforcementEndpoints.Invalid(context, $"detector is a name of 1 to 64 characters [a-z0-9_], not '{Problems.Shown(detector)}'");
        }
        if (!TryInt(limitText, 50, 1, MaxClusterPage, out var limit))
        {
            return EnforcementEndpoints.Invalid(context, $"limit must be an integer from 1 to {MaxClusterPage}, not '{Problems.Shown(limitText)}'");
        }
        if (!TryInt(offsetText, 0, 0, int.MaxValue, out var offset))
        {
            return EnforcementEndpoints.Invalid(context, $"offset must be a non-negative integer, not '{Problems.Shown(offsetText)}'");
        }
        if (state.Run is not { } run)
        {
            return NoRun(context);
        }
        var (page, total) = await ClusterQueries.PageAsync(dataSource, run.Head.RunId, string.IsNullOrEmpty(detector) ? null : detector, order == "size",
            limit, offset, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new ClusterListView(run.Head.RunId, total, offset, page.ConvertAll(ClusterSummaryView.From)), ApiJsonContext.Default.ClusterListView);
    }

    private static async Task<IResult> ShowAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string idText)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return EnforcementEndpoints.Invalid(context, $"a cluster id is a positive integer, not '{Problems.Shown(idText)}'");
        }
        var ct = context.RequestAborted;
        if (await ClusterQueries.SummaryAsync(dataSource, id, ct).ConfigureAwait(false) is not { } summary)
        {
            return NotFound(context, $"there is no cluster {id}");
        }
        var evidence = (await ClusterQueries.EvidenceAsync(dataSource, id, ct).ConfigureAwait(false)).ConvertAll(EvidenceView.From);
        var run = state.Run;
        var members = await ClusterQueries.MembersAsync(dataSource, id, MaxMembers, ct).ConfigureAwait(false);
        var subgraph = await EventSubgraphs.ClusterAsync(Edges(state, run, dataSource), dataSource, [.. members.Select(m => m.EntityId)], MaxSubgraphEdges, run, ct)
            .ConfigureAwait(false);
        var memberViews = members.Select(m =>
        {
            var risk = run?.Find(m.AccountId);
            return new MemberView(m.AccountId, m.Role, risk?.Score, risk?.Band);
        }).ToList();
        return TypedResults.Json(new ClusterView(ClusterSummaryView.From(summary), evidence, memberViews, summary.Size > members.Count, subgraph), ApiJsonContext.Default.ClusterView);
    }

    private static async Task<IResult> NeighborhoodAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string id, string? hopsText, string? limitText)
    {
        if (AccountIds.Problem(id) is { } problem)
        {
            return EnforcementEndpoints.Invalid(context, problem);
        }
        if (!TryInt(hopsText, 2, 1, 3, out var hops))
        {
            return EnforcementEndpoints.Invalid(context, $"hops must be 1, 2 or 3, not '{Problems.Shown(hopsText)}'");
        }
        if (!TryInt(limitText, 200, 1, MaxNeighborhoodNodes, out var limit))
        {
            return EnforcementEndpoints.Invalid(context, $"limit must be an integer from 1 to {MaxNeighborhoodNodes}, not '{Problems.Shown(limitText)}'");
        }
        var ct = context.RequestAborted;
        if (await EntityQueries.AccountIdAsync(dataSource, id, ct).ConfigureAwait(false) is not { } start)
        {
            return NotFound(context, $"there is no account '{id}'");
        }
        var run = state.Run;
        var subgraph = await EventSubgraphs.NeighborhoodAsync(Edges(state, run, dataSource), dataSource, start, hops, limit, run, ct).ConfigureAwait(false);
        return TypedResults.Json(new NeighborhoodView(id, hops, subgraph), ApiJsonContext.Default.NeighborhoodView);
    }

    private static async Task LabelAsync(HttpContext context, NpgsqlDataSource dataSource)
    {
        if (await RequestBody.ReadAsync(context, LabelRequest.MaxBodyBytes).ConfigureAwait(false) is not { } body)
        {
            return;
        }
        var error = LabelRequest.Parse(body.Buffer, out var request);
        context.Request.BodyReader.AdvanceTo(body.Buffer.End);
        var result = error is null ? await LabelAsync(context, dataSource, request).ConfigureAwait(false) : Problems.Result(StatusCodes.Status400BadRequest, error);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private static async Task<IResult> LabelAsync(HttpContext context, NpgsqlDataSource dataSource, LabelRequestView request)
    {
        if ((request.AccountId is null) == (request.ClusterId is null))
        {
            return EnforcementEndpoints.Invalid(context, "give exactly one of 'account_id' and 'cluster_id'");
        }
        if (request.Label is not ("abusive" or "benign"))
        {
            return EnforcementEndpoints.Invalid(context, $"label is 'abusive' or 'benign', not '{Problems.Shown(request.Label)}'");
        }
        if (request.AccountId is not null && AccountIds.Problem(request.AccountId) is { } problem)
        {
            return EnforcementEndpoints.Invalid(context, $"account_id: {problem}");
        }
        var note = request.Note ?? "";
        if (note.Length > 4000)
        {
            return EnforcementEndpoints.Invalid(context, "note is at most 4,000 characters");
        }
        var ct = context.RequestAborted;
        var targets = await AnalystDecisionStore.TargetsAsync(dataSource, request.AccountId, request.ClusterId, ct).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            return NotFound(context, request.AccountId is not null ? $"there is no account '{request.AccountId}'" : $"there is no cluster {request.ClusterId} (or it has no members)");
        }
        var author = context.Features.Get<CachedKey>()!.Record.Name;
        var decidedAt = await AnalystDecisionStore.RecordAsync(dataSource, [.. targets.Select(t => t.Id)], request.ClusterId, request.Label, note, author, ct)
            .ConfigureAwait(false);
        var result = new LabelResultView(request.Label, note, author, decidedAt, request.ClusterId, [.. targets.Select(t => t.ExternalId)]);
        return TypedResults.Json(result, ApiJsonContext.Default.LabelResultView, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>
    /// The published run's graph when it is loaded, else the events table within the run's window (all events
    /// before any run is published), so both answer the same.
    /// </summary>
    private static IEdgeSource Edges(ServiceState state, PublishedRun? run, NpgsqlDataSource dataSource) =>
        state.Graph is { } graph && graph.RunId == run?.Head.RunId
            ? new GraphEdges(graph.Graph)
            : new EventTableEdges(dataSource, run?.Head.Window ?? SnapshotWindow.All);

    private static bool TryInt(string? text, int fallback, int min, int max, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private static IResult NotFound(HttpContext context, string detail) => Problems.Result(StatusCodes.Status404NotFound, detail);

    private static IResult NoRun(HttpContext context) => Problems.Result(StatusCodes.Status503ServiceUnavailable, EnforcementEndpoints.NoRunDetail);
}
