namespace GraphGuard.Api.Security;

/// <summary>Endpoint metadata: the scope a caller's key must hold. Endpoints without it are open.</summary>
internal sealed record RequiredScope(Scope Scope);
