namespace GraphGuard.Api.Json;

/// <summary>The body of <c>POST /v1/risk:batch</c>: up to 10,000 account ids.</summary>
public sealed record BatchRequestView(IReadOnlyList<string> Ids);
