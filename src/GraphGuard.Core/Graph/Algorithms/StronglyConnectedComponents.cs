namespace GraphGuard.Core.Graph.Algorithms;

/// <summary>
/// Strongly connected components by Tarjan's algorithm (1972), iterative so deep graphs cannot overflow
/// the stack. Components come out in topological order: every edge leads from a component to itself or
/// to a later one, which lets PageRank solve them one at a time, each once its inputs are final.
/// </summary>
public static class StronglyConnectedComponents
{
    /// <summary>The components of <paramref name="graph"/>'s out-edges, in topological order.</summary>
    public static StronglyConnectedComponentsResult Compute(CsrGraph graph)
    {
        var n = graph.NodeCount;
        // index[v] < 0: not reached yet; int.MaxValue: v's component is done (so it no longer lowers anyone's link).
        var index = new int[n];
        var low = new int[n];
        Array.Fill(index, -1);
        var stack = new int[n];
        var callNode = new int[n];
        var callEdge = new long[n];
        var order = new int[n];
        var starts = new List<int>();
        var offsets = graph.Offsets;
        int top = 0, counter = 0, placed = n;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }
            var depth = Visit(root, 0, offsets[root]);
            while (depth > 0)
            {
                var v = callNode[depth - 1];
                var e = callEdge[depth - 1];
                if (e < offsets[v + 1])
                {
                    callEdge[depth - 1] = e + 1;
                    var w = graph.Neighbors(v)[(int)(e - offsets[v])];
                    if (index[w] < 0)
                    {
                        depth = Visit(w, depth, offsets[w]);
                    }
                    else if (index[w] < low[v])
                    {
                        low[v] = index[w];
                    }
                    continue;
                }
                depth--;
                if (depth > 0)
                {
                    var parent = callNode[depth - 1];
                    low[parent] = Math.Min(low[parent], low[v]);
                }
                if (low[v] == index[v])
                {
                    // Tarjan finishes components sinks first, so filling the order from the back leaves it topological.
                    var first = top;
                    while (stack[--first] != v)
                    {
                    }
                    placed -= top - first;
                    for (var i = first; i < top; i++)
                    {
                        order[placed + i - first] = stack[i];
                        index[stack[i]] = int.MaxValue;
                    }
                    top = first;
                    starts.Add(placed);
                }
            }
        }
        starts.Reverse();
        starts.Add(n);
        return new StronglyConnectedComponentsResult(order, [.. starts]);

        int Visit(int v, int depth, long firstEdge)
        {
            index[v] = low[v] = counter++;
            stack[top++] = v;
            callNode[depth] = v;
            callEdge[depth] = firstEdge;
            return depth + 1;
        }
    }
}
