namespace GraphGuard.Core.Detection;

/// <summary>
/// Posts and comments as parallel columns: the content's graph node, its author's account index, its
/// text, and each upstream classifier signal's score (NaN where the content was not scored).
/// </summary>
public sealed class ContentCorpus
{
    public ContentCorpus(int[] nodes, int[] authors, string[] texts, IReadOnlyDictionary<string, float[]> signals)
    {
        if (authors.Length != nodes.Length || texts.Length != nodes.Length || signals.Values.Any(s => s.Length != nodes.Length))
        {
            throw new ArgumentException("content columns differ in length");
        }
        Nodes = nodes;
        Authors = authors;
        Texts = texts;
        Signals = signals;
    }

    /// <summary>No content at all.</summary>
    public static ContentCorpus Empty { get; } = new([], [], [], new Dictionary<string, float[]>());

    public int Count => Nodes.Length;

    /// <summary>Graph node of each item.</summary>
    public int[] Nodes { get; }

    /// <summary>Author of each item as an account index (-1 when the author is not in the snapshot).</summary>
    public int[] Authors { get; }

    public string[] Texts { get; }

    /// <summary>Score per signal name (e.g. <c>spam</c>), aligned with <see cref="Nodes"/>.</summary>
    public IReadOnlyDictionary<string, float[]> Signals { get; }
}
