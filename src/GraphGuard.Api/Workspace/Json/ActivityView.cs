namespace GraphGuard.Api.Workspace.Json;

/// <summary>A cluster's events in the window for the synchrony raster: points are [seconds after From, account index, target index].</summary>
public sealed record ActivityView(long ClusterId, DateTime From, DateTime To, IReadOnlyList<string> Accounts, IReadOnlyList<GraphNodeView> Targets,
    IReadOnlyList<int[]> Points, bool Truncated);
