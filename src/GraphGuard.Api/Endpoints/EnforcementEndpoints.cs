using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using GraphGuard.Api.Json;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using GraphGuard.Storage.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Npgsql;

namespace GraphGuard.Api.Endpoints;

/// <summary>
/// For enforcement systems: one account's risk, a batch of them, and the feed of band changes. Lookups read
/// only the in-memory published run; the feed reads <c>band_changes</c>.
/// </summary>
internal static class EnforcementEndpoints
{
    private const int DefaultChangesLimit = 1000;
    private const int MaxChangesLimit = 10_000;

    public static void Map(IEndpointRouteBuilder app, ServiceState state, NpgsqlDataSource dataSource, ServiceMetrics metrics, CursorKey cursorKey)
    {
        app.MapGet("/v1/accounts/{id}/risk", (string id, HttpContext context) => RiskAsync(context, state, id))
            .Produces<AccountRiskView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Requires(Scope.RiskRead).Measured(metrics, "GET /v1/accounts/{id}/risk")
            .WithName("GetAccountRisk").WithTags("enforcement")
            .WithSummary("An account's risk in the published run: score, band, model version, run id, reasons, clusters");

        app.MapPost("/v1/risk:batch", (Func<HttpContext, Task>)(context => BatchAsync(context, state)))
            .Accepts<BatchRequestView>("application/json").Produces<BatchResponseView>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Requires(Scope.RiskRead).Measured(metrics, "POST /v1/risk:batch")
            .WithName("GetRiskBatch").WithTags("enforcement")
            .WithSummary("Risks of up to 10,000 accounts; ids the published run does not score are listed under 'unknown'");

        app.MapGet("/v1/risk/changes", ([FromQuery] string? cursor, [FromQuery] string? limit, HttpContext context) => ChangesAsync(context, dataSource, cursorKey, cursor, limit))
            .Produces<ChangesPageView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .Requires(Scope.RiskRead).Measured(metrics, "GET /v1/risk/changes")
            .WithName("GetRiskChanges").WithTags("enforcement")
            .WithSummary("Accounts whose band changed, in change order, after the cursor (none: from the beginning)");
    }

    private static Task RiskAsync(HttpContext context, ServiceState state, string id)
    {
        if (state.Run is not { } run)
        {
            return NoRunAsync(context);
        }
        if (run.TryGet(id, out var risk))
        {
            return RiskJson.WriteResponse(context, run, risk);
        }
        return AccountIds.Problem(id) is { } problem
            ? Problems.WriteAsync(context, StatusCodes.Status400BadRequest, problem)
            : Problems.WriteAsync(context, StatusCodes.Status404NotFound, $"account '{id}' is not scored in the published run {run.Head.RunId}");
    }

    private static async Task BatchAsync(HttpContext context, ServiceState state)
    {
        if (state.Run is not { } run)
        {
            await NoRunAsync(context).ConfigureAwait(false);
            return;
        }
        if (await RequestBody.ReadAsync(context, BatchRequest.MaxBodyBytes).ConfigureAwait(false) is not { } read)
        {
            return;
        }
        var body = context.Request.BodyReader;
        var error = BatchRequest.Parse(read.Buffer, run, out var found, out var count, out var unknown);
        body.AdvanceTo(read.Buffer.End);
        try
        {
            if (error is not null)
            {
                await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, error).ConfigureAwait(false);
                return;
            }
            context.Response.ContentType = "application/json";
            WriteBatch(context.Response.BodyWriter, run, found.AsSpan(0, count), unknown);
        }
        finally
        {
            if (found.Length > 0)
            {
                ArrayPool<AccountRisk>.Shared.Return(found, clearArray: true);
            }
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteBatch(PipeWriter output, PublishedRun run, ReadOnlySpan<AccountRisk> found, List<string> unknown)
    {
        using var json = new Utf8JsonWriter(output, RiskJson.WriterOptions);
        json.WriteStartObject();
        json.WriteNumber("run_id"u8, run.Head.RunId);
        json.WriteString("model_version"u8, run.ModelVersion);
        json.WriteStartArray("results"u8);
        foreach (var risk in found)
        {
            RiskJson.Write(json, run, risk);
        }
        json.WriteEndArray();
        json.WriteStartArray("unknown"u8);
        foreach (var id in unknown)
        {
            json.WriteStringValue(id);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static async Task<IResult> ChangesAsync(HttpContext context, NpgsqlDataSource dataSource, CursorKey cursorKey, string? cursor, string? limitText)
    {
        if (cursorKey.Current is not { } key)
        {
            return Problems.Result(StatusCodes.Status503ServiceUnavailable, "the service has not yet read its cursor key from the database");
        }
        var after = 0L;
        if (cursor is not null && !ChangeCursor.TryDecode(cursor, key, out after))
        {
            return Invalid(context, "cursor is not one this service issued: pass back a next_cursor unchanged, or omit it to start from the beginning");
        }
        var limit = DefaultChangesLimit;
        if (limitText is not null && (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit)
            || limit is < 1 or > MaxChangesLimit))
        {
            return Invalid(context, $"limit must be an integer from 1 to {MaxChangesLimit:N0}, not '{Problems.Shown(limitText)}'");
        }
        var changes = (await BandChangeFeed.ReadAsync(dataSource, after, limit + 1, context.RequestAborted).ConfigureAwait(false)).ConvertAll(BandChangeView.From);
        var hasMore = changes.Count > limit;
        if (hasMore)
        {
            changes.RemoveAt(changes.Count - 1);
        }
        // Even an empty page returns a cursor: the client polls with it and sees only later changes.
        var next = ChangeCursor.Encode(changes.Count > 0 ? changes[^1].ChangeId : after, key);
        return TypedResults.Json(new ChangesPageView(changes, next, hasMore), ApiJsonContext.Default.ChangesPageView);
    }

    internal static IResult Invalid(HttpContext context, string detail) => Problems.Result(StatusCodes.Status400BadRequest, detail);

    internal const string NoRunDetail = "no published run is loaded yet: run the pipeline ('graphguard run') to publish one";

    internal static Task NoRunAsync(HttpContext context) => Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, NoRunDetail);
}
