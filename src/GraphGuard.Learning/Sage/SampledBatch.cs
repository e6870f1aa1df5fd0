using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Sage;

/// <summary>
/// The computation graph of one mini-batch: the nodes it touches, numbered so that each level is a prefix of
/// the one below it (targets first), and for every layer and relation a <see cref="SparseBlock"/> that
/// averages sampled neighbours. Level L holds the target nodes, level 0 every node whose input features are
/// read; layer l maps level l-1 to level l, and its self rows are simply the first rows of its input.
/// Reused across batches: arrays only grow.
/// </summary>
internal sealed class SampledBatch
{
    private readonly int[] _levelSizes;
    private readonly SparseBlock[][] _blocks;
    private int[] _nodes = new int[1024];
    private int[] _targetRows = new int[1024];

    public SampledBatch(int layerCount, int relationCount)
    {
        _levelSizes = new int[layerCount + 1];
        _blocks = new SparseBlock[layerCount][];
        for (var l = 0; l < layerCount; l++)
        {
            _blocks[l] = new SparseBlock[relationCount];
            for (var r = 0; r < relationCount; r++)
            {
                _blocks[l][r] = new SparseBlock();
            }
        }
    }

    public int LayerCount => _blocks.Length;

    public int NodeCount { get; private set; }

    public int TargetCount { get; private set; }

    /// <summary>Nodes at <paramref name="level"/> (0 = inputs, LayerCount = targets).</summary>
    public int LevelSize(int level) => _levelSizes[level];

    /// <summary>Rows of the target level: the distinct targets.</summary>
    public int TargetLevelSize => _levelSizes[^1];

    /// <summary>Global ids of the first <see cref="LevelSize"/>(level) local nodes.</summary>
    public ReadOnlyMemory<int> Nodes(int level) => _nodes.AsMemory(0, _levelSizes[level]);

    /// <summary>For each requested target position, its row at the target level (duplicates share a row).</summary>
    public ReadOnlySpan<int> TargetRows => _targetRows.AsSpan(0, TargetCount);

    /// <summary>Layer <paramref name="layer"/>'s blocks (1-based), one per relation.</summary>
    public SparseBlock[] Blocks(int layer) => _blocks[layer - 1];

    internal int Node(int local) => _nodes[local];

    internal void Begin(int targetCount)
    {
        NodeCount = 0;
        TargetCount = targetCount;
        if (_targetRows.Length < targetCount)
        {
            Array.Resize(ref _targetRows, targetCount);
        }
    }

    internal void SetTargetRow(int position, int row) => _targetRows[position] = row;

    /// <summary>Numbers a new node; returns its local index.</summary>
    internal int Append(int node)
    {
        if (NodeCount == _nodes.Length)
        {
            Array.Resize(ref _nodes, _nodes.Length * 2);
        }
        _nodes[NodeCount] = node;
        return NodeCount++;
    }

    /// <summary>Closes <paramref name="level"/> at the nodes numbered so far.</summary>
    internal void CloseLevel(int level) => _levelSizes[level] = NodeCount;
}
