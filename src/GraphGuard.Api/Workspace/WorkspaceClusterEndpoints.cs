using System.Globalization;
using GraphGuard.Api.Data;
using GraphGuard.Api.Endpoints;
using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace.Json;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Drift;
using GraphGuard.Storage.Workspace;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GraphGuard.Api.Workspace;

/// <summary>
/// The workspace's cluster calls: the queue, a cluster page, its graph and its activity for the raster (separate calls,
/// so the page's evidence and members paint before the heavier pictures arrive), and pivots on an entity.
/// </summary>
internal static class WorkspaceClusterEndpoints
{
    private const int MaxMembers = 2_000;
    private const int MaxGraphEdges = 10_000;
    private const int MaxRasterPoints = 60_000;
    private const int MaxPivotAccounts = 2_000;

    public static void Map(WebApplication app, ServiceState state, NpgsqlDataSource dataSource, ClusterQueueCache queue, ServiceMetrics metrics)
    {
        var api = WorkspaceGuard.ApiPrefix;
        app.MapGet(api + "/queue", ([FromQuery] string? sort, [FromQuery] string? detector, [FromQuery] string? trend, [FromQuery] string? decided,
                [FromQuery(Name = "min_size")] string? minSize, HttpContext context) =>
                QueueAsync(context, state, dataSource, queue, sort, detector, trend, decided, minSize))
            .Measured(metrics, "GET /workspace/api/queue").ExcludeFromDescription();
        app.MapGet(api + "/clusters/{id}", (string id, HttpContext context) => ClusterAsync(context, state, dataSource, queue, id))
            .Measured(metrics, "GET /workspace/api/clusters/{id}").ExcludeFromDescription();
        app.MapGet(api + "/clusters/{id}/graph", (string id, HttpContext context) => GraphAsync(context, state, dataSource, id))
            .Measured(metrics, "GET /workspace/api/clusters/{id}/graph").ExcludeFromDescription();
        app.MapGet(api + "/clusters/{id}/activity", (string id, HttpContext context) => ActivityAsync(context, state, dataSource, id))
            .Measured(metrics, "GET /workspace/api/clusters/{id}/activity").ExcludeFromDescription();
        app.MapGet(api + "/entities/{id}/accounts", (string id, HttpContext context) => PivotAsync(context, state, dataSource, id))
            .Measured(metrics, "GET /workspace/api/entities/{id}/accounts").ExcludeFromDescription();
    }

    private static async Task<IResult> QueueAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, ClusterQueueCache queue,
        string? sort, string? detector, string? trend, string? decided, string? minSizeText)
    {
        if (sort is not (null or "score" or "size" or "recent"))
        {
            return WorkspaceResults.Invalid(context, $"sort is 'score', 'size' or 'recent', not '{Problems.Shown(sort)}'");
        }
        if (trend is not (null or "" or "new" or "growing" or "shrinking" or "steady"))
        {
            return WorkspaceResults.Invalid(context, $"trend is 'new', 'growing', 'shrinking' or 'steady', not '{Problems.Shown(trend)}'");
        }
        if (decided is not (null or "" or "yes" or "no"))
        {
            return WorkspaceResults.Invalid(context, $"decided is 'yes' or 'no', not '{Problems.Shown(decided)}'");
        }
        var minSize = 0;
        if (!string.IsNullOrEmpty(minSizeText) && !int.TryParse(minSizeText, NumberStyles.None, CultureInfo.InvariantCulture, out minSize))
        {
            return WorkspaceResults.Invalid(context, $"min_size is a non-negative integer, not '{Problems.Shown(minSizeText)}'");
        }
        if (state.Run is not { } run)
        {
            return WorkspaceResults.NoRun(context);
        }
        var entry = await queue.GetAsync(run, context.RequestAborted).ConfigureAwait(false);
        var decidedIds = await DecisionStore.DecidedClustersAsync(dataSource, [.. entry.ById.Keys], context.RequestAborted).ConfigureAwait(false);
        IEnumerable<QueueRowView> rows = entry.Clusters
            .Where(c => c.Size >= minSize && (string.IsNullOrEmpty(detector) || c.Detectors.Contains(detector)))
            .Select(c => Row(c, entry.PreviousRunId, decidedIds.Contains(c.Id)))
            .Where(r => (string.IsNullOrEmpty(trend) || r.Trend == trend) && (string.IsNullOrEmpty(decided) || r.Decided == (decided == "yes")));
        rows = sort switch
        {
            "size" => rows.OrderByDescending(r => r.Size).ThenByDescending(r => r.Score),
            "recent" => rows.OrderByDescending(r => r.LastActivity).ThenByDescending(r => r.Score),
            _ => rows,
        };
        var list = rows.ToList();
        return TypedResults.Json(new QueueView(run.Head.RunId, entry.PreviousRunId, list.Count, entry.Detectors, list), WorkspaceJsonContext.Default.QueueView);
    }

    private static async Task<IResult> ClusterAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, ClusterQueueCache queue, string idText)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return WorkspaceResults.Invalid(context, $"a cluster id is a positive integer, not '{Problems.Shown(idText)}'");
        }
        if (state.Run is not { } run)
        {
            return WorkspaceResults.NoRun(context);
        }
        var ct = context.RequestAborted;
        var entry = await queue.GetAsync(run, ct).ConfigureAwait(false);
        if (!entry.ById.TryGetValue(id, out var cluster))
        {
            return WorkspaceResults.NotFound(context, $"the published run {run.Head.RunId} has no cluster {id}");
        }
        if (WorkspaceResults.Graph(state, run) is not { } window)
        {
            return WorkspaceResults.NoGraph(context);
        }
        var evidence = (await ClusterQueries.EvidenceAsync(dataSource, id, ct).ConfigureAwait(false)).Select(EvidenceView.From).ToList();
        var members = await AccountQueries.ClusterMembersAsync(dataSource, id, MaxMembers, ct).ConfigureAwait(false);
        var ids = members.Select(m => m.Id).ToArray();
        var decided = await DecisionStore.DecidedClustersAsync(dataSource, [id], ct).ConfigureAwait(false);
        var activity = window.MemberActivity(ids);
        var features = await AccountQueries.GraphFeaturesAsync(dataSource, run.Head.RunId, ids, ct).ConfigureAwait(false);
        var profiles = await DriftStore.ProfilesAsync(dataSource, run.Head.RunId, ct).ConfigureAwait(false);
        var keys = KeyFeatures.Choose(features, profiles, ids);
        var windowEnd = run.Head.Window.To ?? DateTime.UtcNow;
        var rows = members.Select((m, i) =>
        {
            var risk = run.Find(m.ExternalId);
            return new MemberRowView(m.ExternalId, m.Role, risk?.Score, risk?.Band, m.CreatedAt is { } created ? Math.Round((windowEnd - created).TotalDays, 1) : null,
                activity[i].Events, activity[i].Targets, activity[i].Shared, risk is null ? [] : [.. risk.Reasons.Select(r => r.Value)],
                [.. keys.Select(k => KeyFeatures.ValueOf(features, m.Id, k.Column))]);
        }).ToList();
        return TypedResults.Json(new ClusterPageView(Row(cluster, entry.PreviousRunId, decided.Count > 0), evidence,
                [.. keys.Select(k => new KeyFeatureView(k.Name, k.Median, Math.Round(k.Rank, 3)))], rows, cluster.Size > members.Count),
            WorkspaceJsonContext.Default.ClusterPageView);
    }

    /// <summary>The members (the first 2,000) and the targets two or more of them acted on, the heaviest 10,000 edges.</summary>
    private static async Task<IResult> GraphAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string idText)
    {
        var (problem, run, window, id, members) = await MembersOnGraphAsync(context, state, dataSource, idText).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var ct = context.RequestAborted;
        var ids = members.Select(m => m.Id).ToArray();
        var edges = await new GraphEdges(window.Graph).ClusterAsync(ids, MaxGraphEdges + 1, ct).ConfigureAwait(false);
        var truncated = edges.Count > MaxGraphEdges;
        if (truncated)
        {
            edges.RemoveAt(edges.Count - 1);
        }
        var nodes = await GraphNodes.LoadAsync(dataSource, ids.Concat(edges.Select(e => e.Target)), run, ct).ConfigureAwait(false);
        return TypedResults.Json(new GraphView(nodes.All, [.. edges.Select(e => new GraphEdgeView(e.Actor, e.Target, e.Action, e.Count))], truncated),
            WorkspaceJsonContext.Default.GraphView);
    }

    private static async Task<IResult> ActivityAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string idText)
    {
        var (problem, run, window, id, members) = await MembersOnGraphAsync(context, state, dataSource, idText).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }
        var ct = context.RequestAborted;
        var (from, to, targets, points, truncated) = window.Raster([.. members.Select(m => m.Id)], MaxRasterPoints);
        var nodes = await GraphNodes.LoadAsync(dataSource, targets, run, ct).ConfigureAwait(false);
        return TypedResults.Json(new ActivityView(id, from, to, [.. members.Select(m => m.ExternalId)], [.. targets.Select(t => nodes[t])], points, truncated),
            WorkspaceJsonContext.Default.ActivityView);
    }

    /// <summary>
    /// The cluster's first 2,000 members on the served run's graph, or the problem to answer instead: a malformed id,
    /// no run or graph loaded yet, or no such cluster.
    /// </summary>
    private static async Task<(IResult? Problem, PublishedRun Run, WindowGraph Window, long Id, List<ClusterMemberAccount> Members)> MembersOnGraphAsync(
        HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string idText)
    {
        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (WorkspaceResults.Invalid(context, $"a cluster id is a positive integer, not '{Problems.Shown(idText)}'"), null!, null!, 0, []);
        }
        if (!WorkspaceResults.TryServe(context, state, out var run, out var window, out var unready))
        {
            return (unready, null!, null!, id, []);
        }
        var members = await AccountQueries.ClusterMembersAsync(dataSource, id, MaxMembers, context.RequestAborted).ConfigureAwait(false);
        return (members.Count == 0 ? WorkspaceResults.NotFound(context, $"there is no cluster {id}") : null, run, window, id, members);
    }

    private static async Task<IResult> PivotAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, string idText)
    {
        if (!int.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return WorkspaceResults.Invalid(context, $"an entity id is a non-negative integer (a graph node id), not '{Problems.Shown(idText)}'");
        }
        if (!WorkspaceResults.TryServe(context, state, out var run, out var window, out var unready))
        {
            return unready;
        }
        var ct = context.RequestAborted;
        var accounts = window.Pivot(id);
        var shown = accounts.Take(MaxPivotAccounts).ToList();
        var nodes = await GraphNodes.LoadAsync(dataSource, shown.Select(a => a.Account).Append(id), run, ct).ConfigureAwait(false);
        if (nodes[id].Kind == "unknown")
        {
            return WorkspaceResults.NotFound(context, $"there is no entity {id}");
        }
        var rows = shown.Select(a =>
        {
            var node = nodes[a.Account];
            return new PivotAccountView(node.Label, node.Score, node.Band, a.Events, a.First, a.Last, a.Actions);
        }).ToList();
        return TypedResults.Json(new PivotView(nodes[id], accounts.Count, accounts.Count > shown.Count, rows), WorkspaceJsonContext.Default.PivotView);
    }

    private static QueueRowView Row(QueuedCluster c, long? previousRunId, bool decided) => new(c.Id, c.Score, c.Size, c.CoreSize, c.Detectors,
        ClusterQueueCache.Trend(c, previousRunId), c.PreviousId is null ? null : c.PreviousSize, decided, c.Headline, c.FirstActivity, c.LastActivity);
}
