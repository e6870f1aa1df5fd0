namespace GraphGuard.Core.Detection;

/// <summary>
/// One structured fact behind a cluster: what kind of fact, its numbers by name, and example entities
/// (graph nodes). <see cref="EvidenceSentence"/> turns it into the sentence an analyst reads.
/// </summary>
public sealed record Evidence(EvidenceKind Kind, IReadOnlyDictionary<string, double> Numbers, IReadOnlyList<int> Examples)
{
    /// <summary>A named number, or 0 when the detector did not give it.</summary>
    public double this[string name] => Numbers.TryGetValue(name, out var value) ? value : 0;
}
