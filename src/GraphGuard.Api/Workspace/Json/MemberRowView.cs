namespace GraphGuard.Api.Workspace.Json;

/// <summary>A cluster member: role, published risk and reasons, account age at the window's end, and its activity in the window (events, distinct targets, targets shared with other members).</summary>
public sealed record MemberRowView(string AccountId, string Role, float? Score, string? Band, double? AgeDays, int Events, int Targets, int SharedTargets,
    IReadOnlyList<string> Reasons);
