using GraphGuard.Learning.Tensors;

namespace GraphGuard.Learning.Tests.Tensors;

/// <summary>Small helpers to put host values into CPU backend matrices and reach their storage.</summary>
internal static class BackendFixture
{
    public static MatrixView Matrix(this CpuTensorBackend backend, int rows, int columns, float[]? values = null)
    {
        var view = backend.Allocate((long)rows * columns).Matrix(0, rows, columns);
        if (values is not null)
        {
            backend.Upload(values, view);
        }
        return view;
    }

    /// <summary>The live storage behind a view made by <see cref="Matrix"/>: writes change what the backend reads.</summary>
    public static float[] Data(this MatrixView view) => ((CpuBuffer)view.Buffer).Data;

    /// <summary>A block from explicit rows of (column, weight) entries.</summary>
    public static SparseBlock Block(int columns, params (int Column, float Weight)[][] rows)
    {
        var block = new SparseBlock();
        block.Reset(rows.Length, columns);
        for (var i = 0; i < rows.Length; i++)
        {
            block.RowOffsets[i + 1] = block.RowOffsets[i] + rows[i].Length;
        }
        block.ReserveEntries();
        var e = 0;
        foreach (var row in rows)
        {
            foreach (var (column, weight) in row)
            {
                block.ColumnIndices[e] = column;
                block.Values[e++] = weight;
            }
        }
        return block;
    }

    /// <summary>A mean block: row i averages the listed columns.</summary>
    public static SparseBlock MeanBlock(int columns, params int[][] rows) =>
        Block(columns, [.. rows.Select(r => r.Select(c => (c, 1f / r.Length)).ToArray())]);
}
