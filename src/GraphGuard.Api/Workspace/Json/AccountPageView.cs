namespace GraphGuard.Api.Workspace.Json;

/// <summary>An account page: risk and reasons (with each one's contribution to the log-odds; empty for runs scored before they were kept), age, clusters, recent events, labels and decisions.</summary>
public sealed record AccountPageView(string AccountId, int Id, float? Score, string? Band, float? Margin, IReadOnlyList<string> Reasons,
    IReadOnlyList<float> ReasonContributions, double? AgeDays,
    string? Country, long RunId, string ModelVersion, IReadOnlyList<AccountClusterView> Clusters, IReadOnlyList<EventRowView> RecentEvents,
    IReadOnlyList<GraphGuard.Storage.Workspace.AccountLabelEntry> Labels, IReadOnlyList<GraphGuard.Storage.Workspace.DecisionEntry> Decisions);
