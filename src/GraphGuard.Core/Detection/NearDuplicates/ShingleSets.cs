namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// The shingle sets of the corpus items long enough to compare, stored flat: set <c>s</c> is item
/// <c>Items[s]</c>'s sorted distinct shingles <c>Shingles[Offsets[s] .. Offsets[s+1])</c>.
/// </summary>
internal sealed class ShingleSets
{
    private const int Chunk = 2048;

    private ShingleSets(int[] items, int[] offsets, uint[] shingles)
    {
        Items = items;
        Offsets = offsets;
        Shingles = shingles;
    }

    /// <summary>Corpus index of each set's item, ascending.</summary>
    public int[] Items { get; }

    public int[] Offsets { get; }

    public uint[] Shingles { get; }

    public int Count => Items.Length;

    public ReadOnlySpan<uint> this[int set] => Shingles.AsSpan(Offsets[set], Offsets[set + 1] - Offsets[set]);

    /// <summary>Exact Jaccard similarity of two sets.</summary>
    public double Jaccard(int a, int b) => Jaccard(this[a], this[b]);

    /// <summary>Exact Jaccard similarity of two sorted distinct sets; 0 when both are empty.</summary>
    public static double Jaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        var union = a.Length + b.Length - common;
        return union == 0 ? 0 : (double)common / union;
    }

    /// <summary>Shingles every item with a known author and at least <see cref="NearDuplicateOptions.MinTokens"/> tokens, in parallel.</summary>
    public static ShingleSets Build(ContentCorpus corpus, NearDuplicateOptions options)
    {
        var chunks = (corpus.Count + Chunk - 1) / Chunk;
        var parts = new (List<int> Items, List<int> Lengths, List<uint> Shingles)[chunks];
        Parallel.For(0, chunks, c =>
        {
            var part = (Items: new List<int>(), Lengths: new List<int>(), Shingles: new List<uint>());
            var scratch = new List<ulong>();
            for (var item = c * Chunk; item < Math.Min(corpus.Count, (c + 1) * Chunk); item++)
            {
                var text = corpus.Texts[item];
                if (corpus.Authors[item] < 0 || string.IsNullOrEmpty(text))
                {
                    continue;
                }
                var before = part.Shingles.Count;
                if (TextShingler.Shingle(text, options.HostWeight, scratch, part.Shingles) < options.MinTokens)
                {
                    part.Shingles.RemoveRange(before, part.Shingles.Count - before);
                    continue;
                }
                part.Items.Add(item);
                part.Lengths.Add(part.Shingles.Count - before);
            }
            parts[c] = part;
        });
        var count = parts.Sum(p => p.Items.Count);
        var items = new int[count];
        var offsets = new int[count + 1];
        var shingles = new uint[parts.Sum(p => (long)p.Shingles.Count)];
        var set = 0;
        foreach (var part in parts)
        {
            part.Shingles.CopyTo(shingles, offsets[set]);
            for (var k = 0; k < part.Items.Count; k++, set++)
            {
                items[set] = part.Items[k];
                offsets[set + 1] = offsets[set] + part.Lengths[k];
            }
        }
        return new ShingleSets(items, offsets, shingles);
    }
}
