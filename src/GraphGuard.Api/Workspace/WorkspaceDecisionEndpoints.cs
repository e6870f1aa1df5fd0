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

/// <summary>
/// Decisions from the workspace: preview what one would cover, make it (a reason is required; the reasons shown
/// and the run's model are kept with it), undo it, and the audit trail. Writes need a key with labels:write.
/// </summary>
internal static class WorkspaceDecisionEndpoints
{
    private const int MaxReason = 4_000;
    private const int SampleSize = 10;

    public static void Map(WebApplication app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics)
    {
        var api = WorkspaceGuard.ApiPrefix;
        app.MapPost(api + "/decisions/preview", (DecisionRequestView request, HttpContext context) => PreviewAsync(context, dataSource, request))
            .Measured(metrics, "POST /workspace/api/decisions/preview").ExcludeFromDescription();
        app.MapPost(api + "/decisions", (DecisionRequestView request, HttpContext context) => DecideAsync(context, state, dataSource, request))
            .Measured(metrics, "POST /workspace/api/decisions").ExcludeFromDescription();
        app.MapPost(api + "/decisions/{batch}/undo", (string batch, HttpContext context) => UndoAsync(context, dataSource, batch))
            .Measured(metrics, "POST /workspace/api/decisions/{batch}/undo").ExcludeFromDescription();
        app.MapGet(api + "/audit", ([FromQuery] string? limit, HttpContext context) => AuditAsync(context, dataSource, limit))
            .Measured(metrics, "GET /workspace/api/audit").ExcludeFromDescription();
    }

    private static async Task<IResult> PreviewAsync(HttpContext context, NpgsqlDataSource dataSource, DecisionRequestView request)
    {
        if (Subject(context, request) is { } invalid)
        {
            return invalid;
        }
        var targets = await TargetsAsync(dataSource, request, context.RequestAborted).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            return NotFound(context, request);
        }
        var already = await DecisionStore.AlreadyDecidedAsync(dataSource, [.. targets.Select(t => t.Id)], context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new DecisionPreviewView(targets.Count, already, [.. targets.Take(SampleSize).Select(t => t.ExternalId)]),
            WorkspaceJsonContext.Default.DecisionPreviewView);
    }

    private static async Task<IResult> DecideAsync(HttpContext context, ServiceState state, NpgsqlDataSource dataSource, DecisionRequestView request)
    {
        var session = WorkspaceResults.Session(context);
        if (!session.CanDecide)
        {
            return WorkspaceResults.Forbidden(context, $"the key '{session.Author}' may read but not decide: deciding needs the 'labels:write' scope");
        }
        if (Subject(context, request) is { } invalid)
        {
            return invalid;
        }
        if (!DecisionLabels.TryParse(request.Label, out var label))
        {
            return WorkspaceResults.Invalid(context, $"label is 'abusive', 'benign' or 'escalate', not '{Problems.Shown(request.Label)}'");
        }
        var reason = (request.Reason ?? "").Trim();
        if (reason.Length == 0)
        {
            return WorkspaceResults.Invalid(context, "a reason is required: say why, for the audit trail and for whoever reviews it");
        }
        if (reason.Length > MaxReason)
        {
            return WorkspaceResults.Invalid(context, $"a reason is at most {MaxReason:N0} characters");
        }
        if (StorableText.Problem("reason", reason) is { } unstorable)
        {
            return WorkspaceResults.Invalid(context, unstorable);
        }
        var ct = context.RequestAborted;
        var targets = await TargetsAsync(dataSource, request, ct).ConfigureAwait(false);
        if (targets.Count == 0)
        {
            return NotFound(context, request);
        }
        var run = state.Run;
        var shown = targets.Select(t =>
        {
            var risk = run?.Find(t.ExternalId);
            return new DecisionTarget(t.Id, t.ExternalId, risk?.Score, risk is null ? [] : [.. risk.Reasons.Select(r => r.Value)]);
        }).ToList();
        var (batch, decidedAt) = await DecisionStore.RecordAsync(dataSource,
            new DecisionRequest(shown, request.ClusterId, label, reason, session.Author, run?.Head.RunId, run?.Head.ModelVersion), ct).ConfigureAwait(false);
        return TypedResults.Json(new DecisionResultView(batch, DecisionLabels.Name(label), targets.Count, decidedAt), WorkspaceJsonContext.Default.DecisionResultView,
            statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> UndoAsync(HttpContext context, NpgsqlDataSource dataSource, string batchText)
    {
        var session = WorkspaceResults.Session(context);
        if (!session.CanDecide)
        {
            return WorkspaceResults.Forbidden(context, $"the key '{session.Author}' may read but not undo decisions: that needs the 'labels:write' scope");
        }
        if (!long.TryParse(batchText, NumberStyles.None, CultureInfo.InvariantCulture, out var batch))
        {
            return WorkspaceResults.Invalid(context, $"a decision id is a positive integer, not '{Problems.Shown(batchText)}'");
        }
        return await DecisionStore.UndoAsync(dataSource, batch, session.Author, context.RequestAborted).ConfigureAwait(false) switch
        {
            0 => WorkspaceResults.NotFound(context, $"there is no decision {batch}"),
            null => WorkspaceResults.Conflict(context, $"decision {batch} was undone already"),
            var count => TypedResults.Json(new UndoResultView(batch, count.Value), WorkspaceJsonContext.Default.UndoResultView),
        };
    }

    private static async Task<IResult> AuditAsync(HttpContext context, NpgsqlDataSource dataSource, string? limitText)
    {
        var limit = 200;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 1_000))
        {
            return WorkspaceResults.Invalid(context, $"limit is an integer from 1 to 1,000, not '{Problems.Shown(limitText)}'");
        }
        var entries = await DecisionStore.AuditAsync(dataSource, null, limit, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(new AuditView(entries), WorkspaceJsonContext.Default.AuditView);
    }

    /// <summary>Exactly one of an account and a cluster, and a well-formed account id.</summary>
    private static IResult? Subject(HttpContext context, DecisionRequestView request)
    {
        if ((request.AccountId is null) == (request.ClusterId is null))
        {
            return WorkspaceResults.Invalid(context, "give exactly one of 'account_id' and 'cluster_id'");
        }
        return request.AccountId is not null && AccountIds.Problem(request.AccountId) is { } problem ? WorkspaceResults.Invalid(context, $"account_id: {problem}") : null;
    }

    private static async Task<List<(int Id, string ExternalId)>> TargetsAsync(NpgsqlDataSource dataSource, DecisionRequestView request, CancellationToken ct)
    {
        if (request.AccountId is not null)
        {
            return await AccountQueries.FindAsync(dataSource, request.AccountId, ct).ConfigureAwait(false) is { } account ? [(account.Id, account.ExternalId)] : [];
        }
        var members = await AccountQueries.ClusterMembersAsync(dataSource, request.ClusterId!.Value, int.MaxValue, ct).ConfigureAwait(false);
        return [.. members.Select(m => (m.Id, m.ExternalId))];
    }

    private static IResult NotFound(HttpContext context, DecisionRequestView request) => WorkspaceResults.NotFound(context,
        request.AccountId is not null ? $"there is no account '{Problems.Shown(request.AccountId)}'" : $"there is no cluster {request.ClusterId} (or it has no members)");
}
