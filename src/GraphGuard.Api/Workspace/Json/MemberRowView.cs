namespace GraphGuard.Api.Workspace.Json;

/// <summary>
/// A cluster member: role, published risk and reasons, account age at the window's end, its activity in the window
/// (events, distinct targets, targets shared with other members), and its values of the cluster's key features (null: none).
/// </summary>
public sealed record MemberRowView(string AccountId, string Role, float? Score, string? Band, double? AgeDays, int Events, int Targets, int SharedTargets,
    IReadOnlyList<string> Reasons, IReadOnlyList<float?> KeyFeatureValues);
