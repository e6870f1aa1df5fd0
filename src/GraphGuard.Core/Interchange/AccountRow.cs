namespace GraphGuard.Core.Interchange;

/// <summary>A valid row of <c>accounts.csv</c>. Features are (name, value) with missing values left out.</summary>
public readonly record struct AccountRow(string AccountId, DateTime CreatedAt, string? Country, IReadOnlyList<KeyValuePair<string, double>> Features);
