using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Graph;

/// <summary>
/// Dense numbering of the accounts of an <see cref="InteractionGraph"/>: account graphs (projections)
/// use 0..Count-1 so that devices, IPs and content do not sit in them as isolated nodes.
/// </summary>
public sealed class AccountIndex
{
    private readonly int[] _localOf;

    public AccountIndex(InteractionGraph graph)
    {
        _localOf = new int[graph.NodeCount];
        var nodes = new List<int>();
        for (var v = 0; v < graph.NodeCount; v++)
        {
            _localOf[v] = graph.Kind(v) == EntityKind.Account ? nodes.Count : -1;
            if (_localOf[v] >= 0)
            {
                nodes.Add(v);
            }
        }
        Nodes = [.. nodes];
    }

    /// <summary>Graph node of each account, by account index.</summary>
    public int[] Nodes { get; }

    public int Count => Nodes.Length;

    /// <summary>Account index of a graph node, or -1 when the node is not an account.</summary>
    public int IndexOf(int node) => _localOf[node];
}
