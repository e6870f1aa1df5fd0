using System.Text.Json;

namespace GraphGuard.Api.Json;

/// <summary>One fact about a cluster: its kind, the numbers measured, example entities and the sentence rendered from them.</summary>
public sealed record EvidenceView(string Kind, JsonElement Numbers, IReadOnlyList<string> Examples, string Sentence);
