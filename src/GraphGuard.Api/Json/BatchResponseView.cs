namespace GraphGuard.Api.Json;

/// <summary>Risks of the known ids, in request order, and the ids the published run does not score.</summary>
public sealed record BatchResponseView(long RunId, string ModelVersion, IReadOnlyList<AccountRiskView> Results, IReadOnlyList<string> Unknown);
