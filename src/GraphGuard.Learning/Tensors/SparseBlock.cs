namespace GraphGuard.Learning.Tensors;

/// <summary>
/// A sparse matrix in CSR form built on the host for one mini-batch (or one inference chunk): row i lists
/// the source rows it combines and their weights, e.g. 1/k for a mean over k sampled neighbours. Arrays are
/// kept and reused across batches, so refilling a block allocates nothing once it has grown.
/// </summary>
/// <remarks>
/// Implementation note: the transpose (CSC) is built on demand for the backward pass, so the CPU backend
/// can compute Aᵀ·X as a gather per source row, which is deterministic and needs no atomics; a GPU backend
/// can ignore it and let cuSPARSE transpose.
/// </remarks>
internal sealed class SparseBlock
{
    private int[] _rowOffsets = [0];
    private int[] _columns = [];
    private float[] _values = [];
    private int[] _transposedOffsets = [0];
    private int[] _transposedRows = [];
    private float[] _transposedValues = [];
    private bool _hasTranspose;

    public int Rows { get; private set; }

    public int Columns { get; private set; }

    public int NonZeros => _rowOffsets[Rows];

    /// <summary>Row pointers (Rows + 1 entries; entry 0 is 0).</summary>
    public int[] RowOffsets => _rowOffsets;

    /// <summary>Column of each stored entry; entries of row i are at [RowOffsets[i], RowOffsets[i+1]).</summary>
    public int[] ColumnIndices => _columns;

    public float[] Values => _values;

    /// <summary>
    /// Starts a new matrix of <paramref name="rows"/> rows: grows the row pointers as needed and invalidates
    /// the transpose. The caller writes <see cref="RowOffsets"/>, then calls <see cref="ReserveEntries"/>.
    /// </summary>
    public void Reset(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        Grow(ref _rowOffsets, rows + 1);
        Rows = rows;
        Columns = columns;
        _rowOffsets[0] = 0;
        _hasTranspose = false;
    }

    /// <summary>Makes room for the entries the row pointers count.</summary>
    public void ReserveEntries()
    {
        Grow(ref _columns, NonZeros);
        Grow(ref _values, NonZeros);
    }

    /// <summary>Sets the column count once it is known (after the sampler numbered the sources).</summary>
    public void SetColumns(int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Columns = columns;
        _hasTranspose = false;
    }

    /// <summary>
    /// The transpose in CSR form (rows = this block's columns). A counting sort over rows in order, so each
    /// column's entries come out by ascending row: a fixed order for the reductions that read them.
    /// </summary>
    public (int[] Offsets, int[] Rows, float[] Values) Transposed()
    {
        if (_hasTranspose)
        {
            return (_transposedOffsets, _transposedRows, _transposedValues);
        }
        var nnz = NonZeros;
        Grow(ref _transposedOffsets, Columns + 1);
        Grow(ref _transposedRows, nnz);
        Grow(ref _transposedValues, nnz);
        var offsets = _transposedOffsets.AsSpan(0, Columns + 1);
        offsets.Clear();
        foreach (var c in _columns.AsSpan(0, nnz))
        {
            offsets[c + 1]++;
        }
        for (var c = 0; c < Columns; c++)
        {
            offsets[c + 1] += offsets[c];
        }
        // Cursor per column borrowed from the offsets: shift back once all are placed.
        for (var r = 0; r < Rows; r++)
        {
            for (var e = _rowOffsets[r]; e < _rowOffsets[r + 1]; e++)
            {
                var at = offsets[_columns[e]]++;
                _transposedRows[at] = r;
                _transposedValues[at] = _values[e];
            }
        }
        for (var c = Columns; c > 0; c--)
        {
            offsets[c] = offsets[c - 1];
        }
        offsets[0] = 0;
        _hasTranspose = true;
        return (_transposedOffsets, _transposedRows, _transposedValues);
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            Array.Resize(ref array, Math.Max(length, array.Length + (array.Length / 2)));
        }
    }
}
