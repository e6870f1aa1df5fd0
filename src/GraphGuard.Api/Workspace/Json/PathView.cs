namespace GraphGuard.Api.Workspace.Json;

/// <summary>One connection: its cost (each hop costs more through a busier entity) and its nodes from one account to the other.</summary>
public sealed record PathView(double Cost, IReadOnlyList<int> Nodes);
