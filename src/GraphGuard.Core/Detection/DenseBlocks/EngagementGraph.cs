using System.Collections.Concurrent;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection.DenseBlocks;

/// <summary>
/// The account × target bipartite graph of engagement: one edge per distinct (account, target) pair that
/// an engagement action joins. Nodes 0 .. RowCount−1 are accounts (rows), the rest are the engaged targets
/// (columns: accounts followed, content liked or shared), both in ascending order of what they label.
/// Adjacency is stored once per endpoint with the edge's id; edge ids run row by row. Each edge weighs its
/// column's 1 / ln(deg + c) (FRAUDAR's column weighting), the degree taken in the full graph, so a
/// subgraph keeps the weights of the graph it came from.
/// </summary>
internal sealed class EngagementGraph
{
    private const int Chunk = 2048;

    private EngagementGraph(int rowCount, int[] labels, int[] offsets, int[] neighbors, int[] edgeIds, double[] edgeWeights)
    {
        RowCount = rowCount;
        Labels = labels;
        Offsets = offsets;
        Neighbors = neighbors;
        EdgeIds = edgeIds;
        EdgeWeights = edgeWeights;
    }

    public int RowCount { get; }

    public int NodeCount => Labels.Length;

    public int EdgeCount => EdgeWeights.Length;

    /// <summary>Account index of a row node, graph node of a column node.</summary>
    public int[] Labels { get; }

    public int[] Offsets { get; }

    public int[] Neighbors { get; }

    /// <summary>Edge id of each adjacency entry, aligned with <see cref="Neighbors"/>.</summary>
    public int[] EdgeIds { get; }

    /// <summary>Weight by edge id.</summary>
    public double[] EdgeWeights { get; }

    public bool IsRow(int node) => node < RowCount;

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    public static EngagementGraph Build(InteractionGraph graph, AccountIndex accounts, IReadOnlyList<string> actions, double weightOffset)
    {
        var engaged = new bool[256];
        foreach (var code in actions.Select(graph.ActionCode).Where(code => code >= 0))
        {
            engaged[code] = true;
        }
        var rows = accounts.Count;
        var rowOffsets = new int[rows + 1];
        var used = new bool[graph.NodeCount];
        Parallel.ForEach(Partitioner.Create(0, rows, Chunk), range =>
        {
            var targets = new List<int>();
            for (var a = range.Item1; a < range.Item2; a++)
            {
                DistinctTargets(graph, accounts.Nodes[a], engaged, targets);
                rowOffsets[a + 1] = targets.Count;
                foreach (var t in targets)
                {
                    used[t] = true; // every writer stores true: the race is harmless
                }
            }
        });
        for (var a = 0; a < rows; a++)
        {
            rowOffsets[a + 1] = checked(rowOffsets[a + 1] + rowOffsets[a]);
        }
        var columnOf = new int[graph.NodeCount];
        var columnNodes = new List<int>();
        for (var v = 0; v < used.Length; v++)
        {
            columnOf[v] = used[v] ? columnNodes.Count : -1;
            if (used[v])
            {
                columnNodes.Add(v);
            }
        }
        var rowColumns = new int[rowOffsets[rows]];
        Parallel.ForEach(Partitioner.Create(0, rows, Chunk), range =>
        {
            var targets = new List<int>();
            for (var a = range.Item1; a < range.Item2; a++)
            {
                DistinctTargets(graph, accounts.Nodes[a], engaged, targets);
                for (var i = 0; i < targets.Count; i++)
                {
                    rowColumns[rowOffsets[a] + i] = columnOf[targets[i]]; // numbering follows node order: stays sorted
                }
            }
        });
        var columnDegree = new int[columnNodes.Count];
        foreach (var c in rowColumns)
        {
            columnDegree[c]++;
        }
        var weights = new double[rowColumns.Length];
        for (var e = 0; e < weights.Length; e++)
        {
            weights[e] = 1 / Math.Log(columnDegree[rowColumns[e]] + weightOffset);
        }
        return FromRows([.. Enumerable.Range(0, rows), .. columnNodes], rowOffsets, rowColumns, weights);
    }

    /// <summary>The subgraph of the kept nodes and the kept edges between them, renumbered; weights stay.</summary>
    public EngagementGraph Induce(bool[] keepNode, bool[] keepEdge)
    {
        var newId = new int[NodeCount];
        var labels = new List<int>();
        var rows = 0;
        for (var v = 0; v < NodeCount; v++)
        {
            newId[v] = keepNode[v] ? labels.Count : -1;
            if (keepNode[v])
            {
                labels.Add(Labels[v]);
                rows += IsRow(v) ? 1 : 0;
            }
        }
        var rowOffsets = new List<int> { 0 };
        var rowColumns = new List<int>();
        var weights = new List<double>();
        for (var r = 0; r < RowCount; r++)
        {
            if (!keepNode[r])
            {
                continue;
            }
            for (var k = Offsets[r]; k < Offsets[r + 1]; k++)
            {
                if (keepNode[Neighbors[k]] && keepEdge[EdgeIds[k]])
                {
                    rowColumns.Add(newId[Neighbors[k]] - rows);
                    weights.Add(EdgeWeights[EdgeIds[k]]);
                }
            }
            rowOffsets.Add(rowColumns.Count);
        }
        return FromRows([.. labels], [.. rowOffsets], [.. rowColumns], [.. weights]);
    }

    /// <summary>Both endpoints' adjacency from row lists; <paramref name="labels"/> holds the rows' labels, then the columns'.</summary>
    private static EngagementGraph FromRows(int[] labels, int[] rowOffsets, int[] rowColumns, double[] weights)
    {
        var rows = rowOffsets.Length - 1;
        var offsets = new int[labels.Length + 1];
        for (var r = 0; r < rows; r++)
        {
            offsets[r + 1] = rowOffsets[r + 1] - rowOffsets[r];
        }
        foreach (var c in rowColumns)
        {
            offsets[rows + c + 1]++;
        }
        for (var v = 0; v < labels.Length; v++)
        {
            offsets[v + 1] = checked(offsets[v + 1] + offsets[v]);
        }
        var neighbors = new int[offsets[^1]];
        var edgeIds = new int[offsets[^1]];
        var cursor = offsets[..^1];
        // Edges in row order: each row's entries and, by counting sort, each column's rows come out ascending.
        for (var r = 0; r < rows; r++)
        {
            for (var e = rowOffsets[r]; e < rowOffsets[r + 1]; e++)
            {
                var column = rows + rowColumns[e];
                (neighbors[cursor[r]], edgeIds[cursor[r]++]) = (column, e);
                (neighbors[cursor[column]], edgeIds[cursor[column]++]) = (r, e);
            }
        }
        return new EngagementGraph(rows, labels, offsets, neighbors, edgeIds, weights);
    }

    private static void DistinctTargets(InteractionGraph graph, int node, bool[] engaged, List<int> targets)
    {
        targets.Clear();
        var neighbors = graph.OutNeighbors(node);
        var acts = graph.OutActions(node);
        for (var i = 0; i < neighbors.Length; i++)
        {
            if (engaged[acts[i]])
            {
                targets.Add(neighbors[i]);
            }
        }
        targets.Sort();
        var distinct = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            if (i == 0 || targets[i] != targets[distinct - 1])
            {
                targets[distinct++] = targets[i];
            }
        }
        targets.RemoveRange(distinct, targets.Count - distinct);
    }
}
