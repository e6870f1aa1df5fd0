namespace GraphGuard.Api.Workspace.Json;

/// <summary>A published cluster an account is in, with its role there.</summary>
public sealed record AccountClusterView(long Id, string Role, float Score, IReadOnlyList<string> Detectors);
