namespace GraphGuard.Api.Workspace.Json;

/// <summary>Events from one node to another with one action in the window, aggregated.</summary>
public sealed record GraphEdgeView(int Source, int Target, string Action, long Count);
