namespace GraphGuard.Core.Graph;

/// <summary>
/// A graph in compressed sparse row form, the shape every graph algorithm here works on: the
/// neighbours of node <c>v</c> are <c>Targets[Offsets[v] .. Offsets[v+1])</c>, optionally weighted.
/// Offsets are 64-bit and adjacency lives in native memory, so graphs past 2^31 edges work; a single
/// node's neighbourhood still fits a span. An undirected graph stores each edge in both directions.
/// Immutable once built; build a new one rather than changing it.
/// </summary>
public sealed partial class CsrGraph : IDisposable
{
    private readonly long[] _offsets;
    private readonly NativeArray<int> _targets;
    private readonly NativeArray<float>? _weights;

    /// <summary>Wraps built arrays; <paramref name="offsets"/> has NodeCount + 1 entries, the last equal to the edge count.</summary>
    public CsrGraph(long[] offsets, NativeArray<int> targets, NativeArray<float>? weights)
    {
        if (offsets.Length == 0 || offsets[^1] != targets.Length || (weights is not null && weights.Length != targets.Length))
        {
            throw new ArgumentException("offsets, targets and weights do not describe one CSR graph");
        }
        _offsets = offsets;
        _targets = targets;
        _weights = weights;
    }

    public int NodeCount => _offsets.Length - 1;

    /// <summary>Stored adjacency entries (an undirected edge counts twice).</summary>
    public long EdgeCount => _targets.Length;

    public bool IsWeighted => _weights is not null;

    public ReadOnlySpan<long> Offsets => _offsets;

    public int Degree(int node) => (int)(_offsets[node + 1] - _offsets[node]);

    public ReadOnlySpan<int> Neighbors(int node) => _targets.AsSpan(_offsets[node], Degree(node));

    /// <summary>Weights aligned with <see cref="Neighbors"/>; all 1 for an unweighted graph.</summary>
    public ReadOnlySpan<float> NeighborWeights(int node)
    {
        if (_weights is not null)
        {
            return _weights.AsSpan(_offsets[node], Degree(node));
        }
        // One shared run of ones, as long as the largest neighbourhood, serves every node.
        var ones = _ones ??= CreateOnes();
        return ones.AsSpan(0, Degree(node));
    }

    private float[]? _ones;

    private float[] CreateOnes()
    {
        var max = 0;
        for (var v = 0; v < NodeCount; v++)
        {
            max = Math.Max(max, Degree(v));
        }
        var ones = new float[max];
        Array.Fill(ones, 1f);
        return ones;
    }

    /// <summary>Sum of a node's edge weights (its degree when unweighted).</summary>
    public double WeightedDegree(int node)
    {
        if (_weights is null)
        {
            return Degree(node);
        }
        double sum = 0;
        foreach (var w in _weights.AsSpan(_offsets[node], Degree(node)))
        {
            sum += w;
        }
        return sum;
    }

    /// <summary>Bytes held by this graph's arrays.</summary>
    public long MemoryBytes => _offsets.LongLength * sizeof(long) + _targets.Length * sizeof(int) + (_weights?.Length ?? 0) * sizeof(float);

    public void Dispose()
    {
        _targets.Dispose();
        _weights?.Dispose();
    }
}
