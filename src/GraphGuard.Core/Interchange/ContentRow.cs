namespace GraphGuard.Core.Interchange;

/// <summary>A valid row of <c>content.csv</c>.</summary>
public readonly record struct ContentRow(string ContentId, string Author, DateTime CreatedAt, string? Text);
