using System.Net;
using GraphGuard.Api.Endpoints;
using GraphGuard.Api.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GraphGuard.Api.Dashboard;

/// <summary>
/// In front of the dashboard: signs a browser in (a form that takes a key once, or a key in a header), explains
/// a refusal (401 with the sign-in form, 403 naming the key), and turns Hangfire's storage being down into a
/// 503 with one log line instead of a 500. The <see cref="OperationsKeyFilter"/> behind it decides again on every request.
/// </summary>
internal sealed class DashboardGate(RequestDelegate next, ApiKeyCache keys, ILogger<DashboardGate> log)
{
    public const string SignInPath = "/sign-in";

    private int _storageDown;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments(SignInPath) && HttpMethods.IsPost(request.Method))
        {
            await SignInAsync(context);
            return;
        }
        var (presented, fromHeader) = DashboardKey.Presented(request);
        if (presented.Length == 0)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, "an API key with the operations scope (or clusters:read, to look) is required");
            return;
        }
        var key = keys.Authenticate(presented, out var failure);
        if (key is null)
        {
            await RefuseAsync(context, StatusCodes.Status401Unauthorized, failure!);
            return;
        }
        if (DashboardAccessOf.Key(key) == DashboardAccess.None)
        {
            await RefuseAsync(context, StatusCodes.Status403Forbidden, $"the key '{key.Record.Name}' lacks the scope 'operations' (or 'clusters:read' to look) the jobs dashboard needs");
            return;
        }
        if (fromHeader)
        {
            DashboardKey.Remember(context, presented);
        }
        try
        {
            await next(context);
            Interlocked.Exchange(ref _storageDown, 0);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !context.Response.HasStarted)
        {
            if (Interlocked.Exchange(ref _storageDown, 1) == 0)
            {
                log.LogWarning("jobs dashboard: the job storage is unreachable: {Message}", e.Message);
            }
            context.Response.Clear();
            context.Response.Headers.RetryAfter = "5";
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "the job storage (the GraphGuard database) is unreachable; try again shortly");
        }
    }

    private async Task SignInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var presented = form["key"].ToString().Trim();
        var key = keys.Authenticate(presented, out var failure);
        if (key is null || DashboardAccessOf.Key(key) == DashboardAccess.None)
        {
            await RefuseAsync(context, key is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden,
                key is null ? failure! : $"the key '{key.Record.Name}' lacks the scope 'operations' (or 'clusters:read' to look)");
            return;
        }
        DashboardKey.Remember(context, presented);
        context.Response.Redirect(JobsDashboard.Path);
    }

    /// <summary>A browser gets the sign-in form with the reason; anything else the problem details.</summary>
    private static Task RefuseAsync(HttpContext context, int status, string detail)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Cookies.Delete(DashboardKey.Cookie, new CookieOptions { Path = JobsDashboard.Path });
        }
        if (!context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
        {
            return Problems.WriteAsync(context, status, detail);
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync($"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>GraphGuard jobs: sign in</title></head>
            <body style="font-family: sans-serif; max-width: 36em; margin: 4em auto">
            <h1>GraphGuard jobs</h1>
            <p id="reason">{WebUtility.HtmlEncode(detail)}.</p>
            <form method="post" action="{JobsDashboard.Path}{SignInPath}">
            <label>API key <input name="key" type="password" autocomplete="off" size="60"></label>
            <button type="submit">Sign in</button>
            </form>
            <p>Create one with <code>graphguard keys create --name NAME --scope operations</code>.</p>
            </body></html>
            """);
    }
}
