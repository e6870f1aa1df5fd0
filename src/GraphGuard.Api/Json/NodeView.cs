namespace GraphGuard.Api.Json;

/// <summary>
/// A node of a subgraph: <see cref="Key"/> is <c>kind:external id</c> (what edges refer to, unique across kinds);
/// accounts carry their published risk.
/// </summary>
public sealed record NodeView(string Key, string Id, string Kind, float? Score, string? Band);
