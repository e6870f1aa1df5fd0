using GraphGuard.Api.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphGuard.Api.Observability;

/// <summary>
/// The two ways a request fails that are not bugs, answered as problems before the framework's exception
/// handler would log a stack trace: a request the server could not read (a body over Kestrel's limit, broken
/// chunking) is its 4xx with one log line, and a request that needed the database while it is unreachable is
/// 503 with Retry-After, told to <see cref="DatabaseHealth"/> (which logs once per outage).
/// </summary>
internal sealed partial class RequestFailureMiddleware(RequestDelegate next, DatabaseHealth health, ILogger<RequestFailureMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            LogBadRequest(logger, context.Request.Method, Problems.Shown(context.Request.Path.Value, 128), e.StatusCode, e.Message);
            context.Response.Clear();
            await Problems.WriteAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "the body is larger than the server accepts"
                : Problems.Unreadable(e)).ConfigureAwait(false);
        }
        catch (Exception e) when (DatabaseHealth.IsOutage(e) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            health.Failed(e);
            context.Response.Clear();
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable,
                $"the database is unreachable; retry in {Problems.RetryAfterSeconds} s. Risk lookups and batches still answer from the published run in memory").ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "bad request {Method} {Path}: {Status} {Message}")]
    private static partial void LogBadRequest(ILogger logger, string method, string path, int status, string message);
}
