using System.Text.Json;
using GraphGuard.Storage.Detection;

namespace GraphGuard.Api.Json;

/// <summary>One fact about a cluster: its kind, the numbers measured, example entities and the sentence rendered from them.</summary>
public sealed record EvidenceView(string Kind, JsonElement Numbers, IReadOnlyList<string> Examples, string Sentence)
{
    public static EvidenceView From(StoredEvidence e)
    {
        using var numbers = JsonDocument.Parse(e.NumbersJson);
        return new EvidenceView(e.Kind, numbers.RootElement.Clone(), e.Examples, e.Sentence);
    }
}
