using GraphGuard.Api.Security;
using Microsoft.AspNetCore.Http;

namespace GraphGuard.Api.Dashboard;

/// <summary>
/// The API key a dashboard request carries: in a header (<c>Authorization: Bearer</c>, <c>X-Api-Key</c>), or in
/// the cookie <see cref="Cookie"/> that the dashboard sets once a key was presented, so the browser's own
/// requests (pages, scripts, the live counters) carry it without the header. The cookie holds the key itself,
/// checked on every request like a header, so revoking the key ends the session at once.
/// </summary>
internal static class DashboardKey
{
    public const string Cookie = "graphguard_jobs_key";

    /// <summary>The presented key and whether it came as a header; empty when none.</summary>
    public static (string Key, bool FromHeader) Presented(HttpRequest request)
    {
        var header = ApiKeyMiddleware.Presented(request.Headers);
        if (!header.IsEmpty)
        {
            return (header.ToString(), true);
        }
        return (request.Cookies.TryGetValue(Cookie, out var cookie) ? cookie.Trim() : "", false);
    }

    /// <summary>Keeps the key for the dashboard's later requests: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), only under /jobs.</summary>
    public static void Remember(HttpContext context, string key) =>
        context.Response.Cookies.Append(Cookie, key, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = JobsDashboard.Path,
        });
}
