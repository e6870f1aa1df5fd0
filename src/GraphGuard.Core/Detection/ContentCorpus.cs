using GraphGuard.Core.Detection.Media;

namespace GraphGuard.Core.Detection;

/// <summary>
/// Posts and comments as parallel columns: the content's graph node, its author's account index, its
/// text (empty for media without words), each classifier signal's score (NaN where the content was not scored),
/// and the perceptual hash of the items that carry media.
/// </summary>
public sealed class ContentCorpus
{
    public ContentCorpus(int[] nodes, int[] authors, string[] texts, IReadOnlyDictionary<string, float[]> signals, ContentMedia? media = null)
    {
        if (authors.Length != nodes.Length || texts.Length != nodes.Length || signals.Values.Any(s => s.Length != nodes.Length))
        {
            throw new ArgumentException("content columns differ in length");
        }
        Nodes = nodes;
        Authors = authors;
        Texts = texts;
        Signals = signals;
        Media = media ?? ContentMedia.None;
        if (Media.Items.Length != Media.Hashes.Length || Media.Items.Any(i => (uint)i >= (uint)nodes.Length))
        {
            throw new ArgumentException("media items and hashes differ in length or point outside the corpus");
        }
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

    /// <summary>The items with media and their perceptual hashes.</summary>
    public ContentMedia Media { get; }
}
