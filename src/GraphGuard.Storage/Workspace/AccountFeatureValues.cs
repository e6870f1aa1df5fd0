namespace GraphGuard.Storage.Workspace;

/// <summary>A run's graph features (names, in column order) and each asked-for account's values (NaN = missing).</summary>
public sealed record AccountFeatureValues(IReadOnlyList<string> Names, IReadOnlyDictionary<int, float[]> Values);
