namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>Strongly connected components laid out one after another in topological order.</summary>
/// <param name="Order">Every node once; the nodes of a component are contiguous.</param>
/// <param name="ComponentStarts">Component c is <c>Order[ComponentStarts[c]..ComponentStarts[c + 1]]</c>; the last entry is the node count.</param>
public sealed record StronglyConnectedComponentsResult(int[] Order, int[] ComponentStarts)
{
    /// <summary>How many components there are.</summary>
    public int Count => ComponentStarts.Length - 1;
}
