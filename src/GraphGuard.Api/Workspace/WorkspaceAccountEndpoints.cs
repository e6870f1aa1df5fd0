using System.Globalization;
using GraphGuard.Api.Endpoints;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace.Json;
using GraphGuard.Storage.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GraphGuard.Api.Workspace;

/// <summary>The workspace's account calls: an account page, its neighbourhood by relation, and paths between two accounts.</summary>
internal static class WorkspaceAccountEndpoints
{
    private const int RecentEvents = 50;
    private const int MaxNeighborhoodNodes = 500;
    private const int MaxPaths = 3;

    public static void Map(WebApplication app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics)
    {
        var api = WorkspaceGuard.ApiPrefix;
        app.MapGet(api + "/accounts/{id}", (string id, HttpContext context) => AccountAsync(context, state, dataSource, id))
            .Measured(metrics, "GET /workspace/api/accounts/{id}").ExcludeFromDescription();
        app.MapGet(api + "/accounts/{id}/neighborhood", (string id, [FromQuery] string? hops, [FromQuery] string? relations, HttpContext context) =>
                NeighborhoodAsync(context, state, dataSource, id, hops, relations))
            .Measured(metrics, "GET /workspace/api/accounts/{id}/neighborhood").ExcludeFromDescription();
        app.MapGet(api + "/paths", ([FromQuery] string? from, [FromQuery] string? to, HttpContext context) => PathsAsync(context, state, dataSource, from, to))
            .Measured(metrics, "GET /workspace/api/paths").ExcludeFromDescription();
    }

    private static async Task<IResult> AccountAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string externalId)
    {
        if (AccountIds.Problem(externalId) is { } problem)
        {
            return WorkspaceResults.Invalid(context, problem);
        }
        if (state.Run is not { } run)
        {
            return WorkspaceResults.NoRun(context);
        }
        var ct = context.RequestAborted;
        if (await AccountQueries.FindAsync(dataSource, externalId, ct).ConfigureAwait(false) is not { } account)
        {
            return WorkspaceResults.NotFound(context, $"there is no account '{Problems.Shown(externalId)}'");
        }
        var risk = run.Find(externalId);
        var clusterRefs = risk?.Clusters ?? [];
        var roles = await AccountQueries.ClustersOfAsync(dataSource, account.Id, run.Head.RunId, ct).ConfigureAwait(false);
        var clusters = roles.Select(r =>
        {
            var known = clusterRefs.FirstOrDefault(c => c.Id == r.ClusterId);
            return new AccountClusterView(r.ClusterId, r.Role, known?.Score ?? 0, known is null ? [] : [.. known.Detectors.Select(d => d.Value)]);
        }).ToList();
        var events = WorkspaceResults.Graph(state, run)?.RecentEvents(account.Id, RecentEvents) ?? [];
        var nodes = await GraphNodes.LoadAsync(dataSource, events.Select(e => e.Other), run, ct).ConfigureAwait(false);
        var labels = await DecisionStore.LabelsAsync(dataSource, account.Id, ct).ConfigureAwait(false);
        var decisions = await DecisionStore.AuditAsync(dataSource, account.Id, 100, ct).ConfigureAwait(false);
        var windowEnd = run.Head.Window.To ?? DateTime.UtcNow;
        return TypedResults.Json(new AccountPageView(account.ExternalId, account.Id, risk?.Score, risk?.Band, risk?.Margin,
            risk is null ? [] : [.. risk.Reasons.Select(r => r.Value)], risk?.ReasonContributions ?? [], account.CreatedAt is { } created ? Math.Round((windowEnd - created).TotalDays, 1) : null,
            account.Country, run.Head.RunId, run.Head.ModelVersion, clusters,
            [.. events.Select(e => new EventRowView(e.At, e.Out ? "out" : "in", e.Action, nodes[e.Other]))], labels, decisions),
            WorkspaceJsonContext.Default.AccountPageView);
    }

    private static async Task<IResult> NeighborhoodAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string externalId, string? hopsText,
        string? relationsText)
    {
        if (AccountIds.Problem(externalId) is { } problem)
        {
            return WorkspaceResults.Invalid(context, problem);
        }
        if (hopsText is not (null or "1" or "2"))
        {
            return WorkspaceResults.Invalid(context, $"hops is 1 or 2, not '{Problems.Shown(hopsText)}'");
        }
        if (!WorkspaceResults.TryServe(context, state, out var run, out var window, out var unready))
        {
            return unready;
        }
        var ct = context.RequestAborted;
        if (await AccountQueries.FindAsync(dataSource, externalId, ct).ConfigureAwait(false) is not { } account)
        {
            return WorkspaceResults.NotFound(context, $"there is no account '{Problems.Shown(externalId)}'");
        }
        var hops = hopsText == "2" ? 2 : 1;
        var relations = (relationsText ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var (ids, edges, truncated) = window.Neighborhood(account.Id, hops, relations, MaxNeighborhoodNodes);
        var nodes = await GraphNodes.LoadAsync(dataSource, ids, run, ct).ConfigureAwait(false);
        var graph = new GraphView([.. ids.Select(i => nodes[i])],
            [.. edges.OrderByDescending(e => e.Value).Select(e => new GraphEdgeView(e.Key.Actor, e.Key.Target, e.Key.Action, e.Value))], truncated);
        return TypedResults.Json(new NeighborhoodPageView(externalId, hops, window.Relations, graph), WorkspaceJsonContext.Default.NeighborhoodPageView);
    }

    private static async Task<IResult> PathsAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string? from, string? to)
    {
        foreach (var (name, value) in (ReadOnlySpan<(string, string?)>)[("from", from), ("to", to)])
        {
            if (AccountIds.Problem(value ?? "") is { } problem)
            {
                return WorkspaceResults.Invalid(context, $"{name}: {problem}");
            }
        }
        if (!WorkspaceResults.TryServe(context, state, out var run, out var window, out var unready))
        {
            return unready;
        }
        var ct = context.RequestAborted;
        var start = await AccountQueries.FindAsync(dataSource, from!, ct).ConfigureAwait(false);
        var end = await AccountQueries.FindAsync(dataSource, to!, ct).ConfigureAwait(false);
        if (start is null || end is null)
        {
            return WorkspaceResults.NotFound(context, $"there is no account '{Problems.Shown(start is null ? from : to)}'");
        }
        var (paths, explored) = ConnectionPaths.Find(window, start.Id, end.Id, MaxPaths);
        var nodeIds = paths.SelectMany(p => p.Nodes).Append(start.Id).Append(end.Id).Distinct().ToList();
        var nodes = await GraphNodes.LoadAsync(dataSource, nodeIds, run, ct).ConfigureAwait(false);
        var edges = paths.SelectMany(p => p.Nodes.Zip(p.Nodes.Skip(1))).Select(pair => Oriented(window, pair.First, pair.Second))
            .Distinct().Select(e => new GraphEdgeView(e.Actor, e.Target, e.Action, e.Count)).ToList();
        return TypedResults.Json(new PathsView(start.ExternalId, end.ExternalId, [.. paths.Select(p => new PathView(Math.Round(p.Cost, 2), p.Nodes))], explored,
            new GraphView([.. nodeIds.Select(i => nodes[i])], edges, false)), WorkspaceJsonContext.Default.PathsView);
    }

    /// <summary>The events between two adjacent path nodes, as the heavier direction's first action and their count.</summary>
    private static (int Actor, int Target, string Action, long Count) Oriented(WindowGraph window, int a, int b)
    {
        var (ab, abAction) = Between(window, a, b);
        var (ba, baAction) = Between(window, b, a);
        return ab >= ba ? (a, b, abAction, ab) : (b, a, baAction, ba);
    }

    private static (long Count, string Action) Between(WindowGraph window, int actor, int target)
    {
        var targets = window.Graph.OutNeighbors(actor);
        var actions = window.Graph.OutActions(actor);
        var count = 0L;
        var action = "";
        for (var i = 0; i < targets.Length; i++)
        {
            if (targets[i] == target)
            {
                count++;
                action = action.Length == 0 ? window.Graph.Actions[actions[i]] : action;
            }
        }
        GC.KeepAlive(window.Graph);
        return (count, action);
    }
}
