namespace GraphGuard.Api.Json;

/// <summary>Events from one node to another (by node key) with one action, aggregated: how many there were.</summary>
public sealed record EdgeView(string Source, string Target, string Action, long Count);
