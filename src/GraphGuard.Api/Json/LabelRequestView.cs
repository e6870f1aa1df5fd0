namespace GraphGuard.Api.Json;

/// <summary>An analyst's decision: on one account or on every member of a cluster.</summary>
public sealed record LabelRequestView(string? AccountId, long? ClusterId, string? Label, string? Note);
