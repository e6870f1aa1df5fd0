namespace GraphGuard.Core.Detection.DenseBlocks;

/// <summary>
/// A tournament tree over n priorities: the minimum in O(1), a change in O(log n). FRAUDAR's peeling uses
/// it because its priorities are real-valued (weighted degrees), which rules out a bucket queue. Ties go to
/// the smaller index, so peeling orders are reproducible.
/// </summary>
internal sealed class MinTree
{
    private readonly int _leaves;
    private readonly double[] _values;
    private readonly int[] _winner;

    /// <summary>A tree over <paramref name="values"/> (copied); use +∞ for entries that must never be the minimum.</summary>
    public MinTree(ReadOnlySpan<double> values)
    {
        _leaves = 1;
        while (_leaves < values.Length)
        {
            _leaves *= 2;
        }
        _values = new double[_leaves];
        Array.Fill(_values, double.PositiveInfinity);
        values.CopyTo(_values);
        _winner = new int[2 * _leaves];
        for (var i = 0; i < _leaves; i++)
        {
            _winner[_leaves + i] = i;
        }
        for (var k = _leaves - 1; k >= 1; k--)
        {
            _winner[k] = Better(_winner[2 * k], _winner[(2 * k) + 1]);
        }
    }

    /// <summary>Index of the smallest value (the smallest index among equals).</summary>
    public int Min => _winner[1];

    public double this[int index] => _values[index];

    public void Set(int index, double value)
    {
        _values[index] = value;
        for (var k = (_leaves + index) / 2; k >= 1; k /= 2)
        {
            _winner[k] = Better(_winner[2 * k], _winner[(2 * k) + 1]);
        }
    }

    // The left child always holds the smaller indices, so preferring it on ties picks the smaller index.
    private int Better(int left, int right) => _values[left] <= _values[right] ? left : right;
}
