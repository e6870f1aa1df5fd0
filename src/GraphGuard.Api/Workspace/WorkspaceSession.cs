using GraphGuard.Api.Security;

namespace GraphGuard.Api.Workspace;

/// <summary>
/// A signed-in analyst: the key they signed in with (by prefix, checked again on every request so a revoked key
/// ends its sessions), what it may do, when the session ends, and the token every write must echo.
/// </summary>
internal sealed record WorkspaceSession(string KeyPrefix, string Author, Scope Granted, DateTimeOffset ExpiresAt, string CsrfToken)
{
    public bool CanDecide => Scopes.Allows(Granted, Scope.LabelsWrite);
}
