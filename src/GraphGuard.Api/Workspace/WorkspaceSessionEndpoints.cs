using GraphGuard.Api.Endpoints;
using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace GraphGuard.Api.Workspace;

/// <summary>The workspace's pages at <c>/</c> and its session calls: sign in with an analyst key, who am I, sign out.</summary>
internal static class WorkspaceSessionEndpoints
{
    public static void Map(WebApplication app, ServiceState state, WorkspaceSessions sessions, ApiKeyCache keys, ServiceMetrics metrics, ScoringServiceOptions options)
    {
        var index = Path.Combine(options.WorkspaceRoot, "index.html");
        if (Directory.Exists(options.WorkspaceRoot))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(options.WorkspaceRoot), RequestPath = "" });
        }
        app.MapGet("/", () => File.Exists(index)
                ? Results.File(index, "text/html; charset=utf-8")
                : Results.Problem("the workspace is not built: run scripts/setup.sh (npm ci and npm run build in web/), then rebuild", statusCode: 503))
            .ExcludeFromDescription();

        var api = WorkspaceGuard.ApiPrefix;
        app.MapPost(api + "/sign-in", (SignInRequestView request, HttpContext context) =>
            {
                var key = keys.Authenticate((request.Key ?? "").AsSpan().Trim(), out var failure);
                if (key is null)
                {
                    metrics.InvalidKey(revoked: failure == ApiKeyCache.RevokedFailure);
                    return Results.Problem(failure, context.Request.Path, StatusCodes.Status401Unauthorized);
                }
                if (!Scopes.Allows(key.Granted, Scope.ClustersRead))
                {
                    metrics.LackingScope();
                    return WorkspaceResults.Forbidden(context,
                        $"the key '{key.Record.Name}' is not an analyst key: the workspace needs '{Scopes.ClustersRead}' (and '{Scopes.LabelsWrite}' to decide)");
                }
                var (token, session) = sessions.Open(key);
                context.Response.Cookies.Append(WorkspaceSessions.CookieName, token, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                    Path = "/",
                    MaxAge = sessions.Lifetime,
                });
                return TypedResults.Json(View(session, state), WorkspaceJsonContext.Default.SessionView);
            })
            .Measured(metrics, "POST /workspace/api/sign-in").ExcludeFromDescription();

        app.MapGet(api + "/session", (HttpContext context) => TypedResults.Json(View(WorkspaceResults.Session(context), state), WorkspaceJsonContext.Default.SessionView))
            .Measured(metrics, "GET /workspace/api/session").ExcludeFromDescription();

        app.MapPost(api + "/sign-out", (HttpContext context) =>
            {
                sessions.Close(context.Request.Cookies[WorkspaceSessions.CookieName]!);
                context.Response.Cookies.Delete(WorkspaceSessions.CookieName, new CookieOptions { Path = "/" });
                return Results.NoContent();
            })
            .Measured(metrics, "POST /workspace/api/sign-out").ExcludeFromDescription();
    }

    private static SessionView View(WorkspaceSession session, ServiceState state) =>
        new(session.Author, session.CanDecide, session.CsrfToken, session.ExpiresAt, state.Run?.Head.RunId, state.Run?.Head.ModelVersion);
}
