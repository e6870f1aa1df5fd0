namespace GraphGuard.Core.Graph;

/// <summary>
/// Edges collected before a <see cref="CsrGraph"/> is built: (source, target, weight), any order,
/// duplicates and self-loops allowed (the build says what to do with them). Grows in native memory.
/// </summary>
public sealed class EdgeList : IDisposable
{
    private NativeArray<int> _sources;
    private NativeArray<int> _targets;
    private NativeArray<float> _weights;

    public EdgeList(long capacity = 1024)
    {
        capacity = Math.Max(capacity, 16);
        _sources = NativeArray<int>.Uninitialized(capacity);
        _targets = NativeArray<int>.Uninitialized(capacity);
        _weights = NativeArray<float>.Uninitialized(capacity);
    }

    public long Count { get; private set; }

    public int Source(long i) => _sources[i];
    public int Target(long i) => _targets[i];
    public float Weight(long i) => _weights[i];

    public void Add(int source, int target, float weight = 1f)
    {
        if (Count == _sources.Length)
        {
            Grow();
        }
        _sources[Count] = source;
        _targets[Count] = target;
        _weights[Count] = weight;
        Count++;
    }

    /// <summary>Builds from pairs given as arrays (tests and small graphs).</summary>
    public static EdgeList From(IReadOnlyList<(int Source, int Target)> edges)
    {
        var list = new EdgeList(edges.Count);
        foreach (var (s, t) in edges)
        {
            list.Add(s, t);
        }
        return list;
    }

    /// <summary>
    /// The parts' edges in the order given, as one list; the parts are disposed. Callers that collect edges
    /// in parallel give one part per fixed range of work, in range order, so the result (and any weights a
    /// build later sums) never depends on which thread ran which range.
    /// </summary>
    internal static EdgeList Concatenate(IReadOnlyList<EdgeList> parts)
    {
        long total = 0;
        foreach (var part in parts)
        {
            total += part.Count;
        }
        var all = new EdgeList(total);
        foreach (var part in parts)
        {
            for (long i = 0; i < part.Count; i++)
            {
                all.Add(part.Source(i), part.Target(i), part.Weight(i));
            }
            part.Dispose();
        }
        return all;
    }

    private void Grow()
    {
        var capacity = _sources.Length * 2;
        _sources = _sources.Grow(capacity, Count);
        _targets = _targets.Grow(capacity, Count);
        _weights = _weights.Grow(capacity, Count);
    }

    public void Dispose()
    {
        _sources.Dispose();
        _targets.Dispose();
        _weights.Dispose();
    }
}
