namespace GraphGuard.Api.Json;

/// <summary>A cluster member with its role and, when the published run scores it, its risk.</summary>
public sealed record MemberView(string AccountId, string Role, float? Score, string? Band);
