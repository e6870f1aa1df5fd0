using GraphGuard.Api.Security;
using Hangfire.Dashboard;

namespace GraphGuard.Api.Dashboard;

/// <summary>
/// The dashboard's authorization filter: a request passes only with a valid, unrevoked API key whose scopes
/// give <see cref="DashboardAccess.View"/> or more. Hangfire's default filter (local requests only) is replaced,
/// not relied on: the service may sit behind a proxy, where every request looks local.
/// </summary>
internal sealed class OperationsKeyFilter(ApiKeyCache keys) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => AccessOf(context) != DashboardAccess.None;

    /// <summary>Read-only unless the key may operate.</summary>
    public bool IsReadOnly(DashboardContext context) => AccessOf(context) != DashboardAccess.Operate;

    private DashboardAccess AccessOf(DashboardContext context)
    {
        var (presented, _) = DashboardKey.Presented(context.GetHttpContext().Request);
        return presented.Length > 0 && keys.Authenticate(presented, out _) is { } key ? DashboardAccessOf.Key(key) : DashboardAccess.None;
    }
}
