using System.Security.Cryptography;
using System.Text;
using GraphGuard.Api.Endpoints;
using GraphGuard.Api.Security;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Workspace;

/// <summary>
/// Guards the workspace: security headers on its pages and calls, a live session for every call but sign-in
/// (401 otherwise), the key behind the session still valid (a revoked key ends its sessions at once), and for
/// every write the session's CSRF token in <c>X-CSRF-Token</c> plus a same-origin <c>Origin</c> (403 otherwise).
/// The cookie is SameSite=Strict too; the token is the check that does not depend on the browser.
/// </summary>
internal sealed class WorkspaceGuard(RequestDelegate next, WorkspaceSessions sessions, ApiKeyCache keys)
{
    public const string ApiPrefix = "/workspace/api";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string SignInPath = ApiPrefix + "/sign-in";

    // No inline script or style, nothing from another origin; the graph draws with WebGL on a canvas, which needs none of them.
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
        + "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isApi = path.StartsWithSegments(ApiPrefix, StringComparison.Ordinal);
        if (!isApi && !IsPage(path))
        {
            return next(context);
        }
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!isApi)
        {
            return next(context);
        }
        headers.CacheControl = "no-store";
        var write = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
        if (write && !SameOrigin(context.Request))
        {
            return Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "cross-origin writes are refused: the Origin header does not match this service");
        }
        if (path.Equals(SignInPath, StringComparison.Ordinal))
        {
            return next(context);
        }
        var token = context.Request.Cookies[WorkspaceSessions.CookieName];
        var session = string.IsNullOrEmpty(token) ? null : sessions.Find(token);
        if (session is null || keys.Find(session.KeyPrefix) is not { Revoked: false })
        {
            if (token is not null)
            {
                sessions.Close(token);
                context.Response.Cookies.Delete(WorkspaceSessions.CookieName, new CookieOptions { Path = "/" });
            }
            return Problems.WriteAsync(context, StatusCodes.Status401Unauthorized, "not signed in, or the session has expired: sign in with an analyst key");
        }
        if (write && !CsrfMatches(context.Request.Headers[CsrfHeader].ToString(), session.CsrfToken))
        {
            return Problems.WriteAsync(context, StatusCodes.Status403Forbidden, $"a write needs the session's CSRF token in the {CsrfHeader} header");
        }
        context.Features.Set(session);
        return next(context);
    }

    /// <summary>The workspace's own pages and assets (the service's other paths keep their own headers).</summary>
    public static bool IsPage(PathString path) =>
        path == "/" || path.Equals("/index.html", StringComparison.Ordinal) || path.StartsWithSegments("/assets", StringComparison.Ordinal);

    private static bool SameOrigin(HttpRequest request)
    {
        // Browsers send Origin on every cross-origin request and on same-origin POSTs; a missing Origin is a non-browser client.
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    private static bool CsrfMatches(string presented, string expected) =>
        presented.Length == expected.Length && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presented), Encoding.ASCII.GetBytes(expected));
}
