using GraphGuard.Api.Security;

namespace GraphGuard.Api.Dashboard;

/// <summary>What a key may do on the jobs dashboard.</summary>
internal enum DashboardAccess
{
    /// <summary>Nothing: enforcement systems' keys (risk only) see no jobs.</summary>
    None,

    /// <summary>Look, not act: analysts' keys (<c>clusters:read</c>).</summary>
    View,

    /// <summary>Look and act (trigger, requeue, delete): <c>operations</c> and <c>admin</c> keys.</summary>
    Operate,
}

/// <summary>How a key's scopes map to <see cref="DashboardAccess"/>.</summary>
internal static class DashboardAccessOf
{
    public static DashboardAccess Key(CachedKey key) =>
        Scopes.Allows(key.Granted, Scope.Operations) ? DashboardAccess.Operate
        : Scopes.Allows(key.Granted, Scope.ClustersRead) ? DashboardAccess.View
        : DashboardAccess.None;
}
