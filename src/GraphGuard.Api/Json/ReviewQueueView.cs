namespace GraphGuard.Api.Json;

/// <summary>The published run's review queue: its items in order, how many are decided, and the budget it was filled to.</summary>
public sealed record ReviewQueueView(long RunId, int Total, int Decided, IReadOnlyList<ReviewItemView> Items);
