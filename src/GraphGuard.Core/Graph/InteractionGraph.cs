using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Graph;

/// <summary>
/// The heterogeneous interaction graph of a time window: nodes are entities (their dense ids, with
/// their kinds), edges are events from actor to target carrying action and time. Struct-of-arrays CSR
/// in both directions: per edge and direction 4 bytes of neighbour, 4 of time (seconds since
/// <see cref="TimeBase"/>) and 1 of action, 18 bytes for both directions together. Offsets are 64-bit.
/// Neighbourhoods are ordered by time, then neighbour. Immutable: a new window is a new snapshot.
/// </summary>
public sealed class InteractionGraph : IDisposable
{
    internal InteractionGraph(byte[] kinds, DateTime timeBase, IReadOnlyList<string> actions, Direction outgoing, Direction incoming)
    {
        _kinds = kinds;
        TimeBase = timeBase;
        Actions = actions;
        _out = outgoing;
        _in = incoming;
    }

    private readonly byte[] _kinds;
    private readonly Direction _out;
    private readonly Direction _in;

    /// <summary>One direction of adjacency: offsets per node and, per edge, neighbour, time and action.</summary>
    internal sealed record Direction(long[] Offsets, NativeArray<int> Neighbors, NativeArray<int> Times, NativeArray<byte> Actions) : IDisposable
    {
        public void Dispose()
        {
            Neighbors.Dispose();
            Times.Dispose();
            Actions.Dispose();
        }
    }

    public int NodeCount => _kinds.Length;

    public long EdgeCount => _out.Neighbors.Length;

    /// <summary>Edge times are seconds after this instant (UTC).</summary>
    public DateTime TimeBase { get; }

    /// <summary>Action names by code (index = the byte stored on each edge).</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>The code of an action on this graph's edges, or -1 when no edge carries it.</summary>
    public int ActionCode(string action)
    {
        for (var code = 0; code < Actions.Count; code++)
        {
            if (Actions[code] == action)
            {
                return code;
            }
        }
        return -1;
    }

    public EntityKind Kind(int node) => (EntityKind)_kinds[node];

    public int OutDegree(int node) => (int)(_out.Offsets[node + 1] - _out.Offsets[node]);

    public int InDegree(int node) => (int)(_in.Offsets[node + 1] - _in.Offsets[node]);

    public ReadOnlySpan<int> OutNeighbors(int node) => _out.Neighbors.AsSpan(_out.Offsets[node], OutDegree(node));

    public ReadOnlySpan<int> OutTimes(int node) => _out.Times.AsSpan(_out.Offsets[node], OutDegree(node));

    public ReadOnlySpan<byte> OutActions(int node) => _out.Actions.AsSpan(_out.Offsets[node], OutDegree(node));

    public ReadOnlySpan<int> InNeighbors(int node) => _in.Neighbors.AsSpan(_in.Offsets[node], InDegree(node));

    public ReadOnlySpan<int> InTimes(int node) => _in.Times.AsSpan(_in.Offsets[node], InDegree(node));

    public ReadOnlySpan<byte> InActions(int node) => _in.Actions.AsSpan(_in.Offsets[node], InDegree(node));

    /// <summary>
    /// Where among <paramref name="node"/>'s in-edges its first <paramref name="postCode"/> edge is: for a post,
    /// the edge from its author at the time it was posted. -1 when there is none.
    /// </summary>
    public int PostEdge(int node, int postCode)
    {
        var codes = InActions(node);
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] == postCode)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The UTC instant of an edge time.</summary>
    public DateTime At(int time) => TimeBase.AddSeconds(time);

    /// <summary>Bytes held by the adjacency arrays (both directions) and node kinds.</summary>
    public long MemoryBytes =>
        _kinds.Length + (_out.Offsets.LongLength + _in.Offsets.LongLength) * sizeof(long) + 2 * EdgeCount * (sizeof(int) + sizeof(int) + sizeof(byte));

    public void Dispose()
    {
        _out.Dispose();
        _in.Dispose();
    }
}
