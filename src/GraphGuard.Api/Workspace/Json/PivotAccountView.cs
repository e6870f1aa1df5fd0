namespace GraphGuard.Api.Workspace.Json;

/// <summary>An account on a pivot: its risk, how many events it had with the entity, when, and which actions.</summary>
public sealed record PivotAccountView(string AccountId, float? Score, string? Band, int Events, DateTime First, DateTime Last, IReadOnlyList<string> Actions);
