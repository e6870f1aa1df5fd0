using GraphGuard.Core.Graph;
using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// Builds a <see cref="SampledBatch"/> by GraphSAGE neighbour sampling: hop by hop from the targets, every
/// node of the current level draws up to fan-out neighbours per relation without replacement (all of them
/// when it has fewer). Each row's draw uses its own generator seeded from (batch seed, hop, relation, row),
/// so rows sample in parallel and the batch is the same whatever thread ran which row; new nodes are then
/// numbered sequentially in a fixed order.
/// </summary>
internal sealed class NeighborSampler
{
    private const int RowsPerChunk = 256;

    private readonly SageGraph _graph;
    private readonly IReadOnlyList<int> _fanOuts;
    private readonly ParallelOptions _parallel;
    private readonly int[] _localOf;
    private readonly int[] _stampOf;
    private int _stamp;

    /// <param name="graph">The relations to sample from.</param>
    /// <param name="fanOuts">Per hop from the targets; its length is the layer count.</param>
    /// <param name="maxDegreeOfParallelism">Threads for drawing rows; the batch does not depend on it.</param>
    public NeighborSampler(SageGraph graph, IReadOnlyList<int> fanOuts, int maxDegreeOfParallelism)
    {
        _graph = graph;
        _fanOuts = fanOuts;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        // Global id -> local index, valid while the stamp matches: numbering restarts per batch without clearing n entries.
        _localOf = new int[graph.NodeCount];
        _stampOf = new int[graph.NodeCount];
    }

    /// <summary>Samples the computation graph of <paramref name="targets"/> (duplicates allowed) into <paramref name="batch"/>.</summary>
    public void Sample(ReadOnlySpan<int> targets, ulong seed, SampledBatch batch)
    {
        if (batch.LayerCount != _fanOuts.Count || batch.Blocks(1).Length != _graph.Relations.Count)
        {
            throw new ArgumentException("the batch was made for another model shape", nameof(batch));
        }
        NextStamp();
        var layers = batch.LayerCount;
        batch.Begin(targets.Length);
        for (var p = 0; p < targets.Length; p++)
        {
            if ((uint)targets[p] >= (uint)_graph.NodeCount)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), targets[p], $"target outside 0..{_graph.NodeCount - 1}");
            }
            batch.SetTargetRow(p, Number(targets[p], batch));
        }
        batch.CloseLevel(layers);
        for (var hop = 0; hop < layers; hop++)
        {
            var layer = layers - hop;
            var rows = batch.LevelSize(layer);
            var blocks = batch.Blocks(layer);
            for (var r = 0; r < blocks.Length; r++)
            {
                Draw(_graph.Relations[r].Graph, blocks[r], batch, rows, _fanOuts[hop], SplitMix.Combine(seed, (ulong)((hop * blocks.Length) + r)));
            }
            // Sequential numbering in (relation, row, entry) order keeps local ids reproducible.
            foreach (var block in blocks)
            {
                var columns = block.ColumnIndices.AsSpan(0, block.NonZeros);
                for (var e = 0; e < columns.Length; e++)
                {
                    columns[e] = Number(columns[e], batch);
                }
            }
            batch.CloseLevel(layer - 1);
            foreach (var block in blocks)
            {
                block.SetColumns(batch.NodeCount);
            }
        }
    }

    /// <summary>Fills <paramref name="block"/> with global neighbour ids of the first <paramref name="rows"/> batch nodes, weights 1/k.</summary>
    private void Draw(CsrGraph graph, SparseBlock block, SampledBatch batch, int rows, int fanOut, ulong seed)
    {
        block.Reset(rows, 0);
        var offsets = block.RowOffsets;
        for (var i = 0; i < rows; i++)
        {
            offsets[i + 1] = offsets[i] + Math.Min(graph.Degree(batch.Node(i)), fanOut);
        }
        block.ReserveEntries();
        FixedChunks.Run(_parallel, rows, RowsPerChunk, (start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                var neighbors = graph.Neighbors(batch.Node(i));
                var k = offsets[i + 1] - offsets[i];
                var drawn = block.ColumnIndices.AsSpan(offsets[i], k);
                if (k == neighbors.Length)
                {
                    neighbors.CopyTo(drawn);
                }
                else
                {
                    var random = new SageRandom(SplitMix.Combine(seed, (ulong)i));
                    random.SampleWithoutReplacement(neighbors.Length, drawn);
                    for (var q = 0; q < k; q++)
                    {
                        drawn[q] = neighbors[drawn[q]];
                    }
                }
                block.Values.AsSpan(offsets[i], k).Fill(1f / k);
            }
        });
    }

    private int Number(int node, SampledBatch batch)
    {
        if (_stampOf[node] == _stamp)
        {
            return _localOf[node];
        }
        _stampOf[node] = _stamp;
        return _localOf[node] = batch.Append(node);
    }

    private void NextStamp()
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stampOf);
            _stamp = 1;
        }
    }
}
