namespace GraphGuard.Api.Workspace.Json;

/// <summary>A queued cluster. Trend compares it with the cluster of the previously published run it shares most members with: new, growing, shrinking or steady.</summary>
public sealed record QueueRowView(long Id, float Score, int Size, int CoreSize, IReadOnlyList<string> Detectors, string Trend, int? PreviousSize, bool Decided,
    string Headline, DateTime? FirstActivity, DateTime? LastActivity);
