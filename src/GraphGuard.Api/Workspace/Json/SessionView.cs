namespace GraphGuard.Api.Workspace.Json;

/// <summary>Who is signed in, what they may do, when the session ends, the token writes must echo, and the run being served.</summary>
public sealed record SessionView(string Author, bool CanDecide, string CsrfToken, DateTimeOffset ExpiresAt, long? RunId, string? ModelVersion);
