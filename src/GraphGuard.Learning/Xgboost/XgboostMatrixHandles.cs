namespace GraphGuard.Learning.Xgboost;

/// <summary>
/// Raw handles of several matrices for calls that take a C array of them. Each handle is add-ref'd so a
/// concurrent dispose cannot free it mid-call (what the marshaller does for a single SafeHandle argument).
/// </summary>
internal sealed class XgboostMatrixHandles : IDisposable
{
    private readonly XgboostMatrixHandle[] _owners;
    private int _referenced;

    public XgboostMatrixHandles(IReadOnlyList<XgboostMatrix> matrices)
    {
        _owners = new XgboostMatrixHandle[matrices.Count];
        Pointers = new nint[matrices.Count];
        try
        {
            for (int i = 0; i < _owners.Length; i++)
            {
                _owners[i] = matrices[i].Handle;
                bool added = false;
                _owners[i].DangerousAddRef(ref added);
                _referenced = i + 1;
                Pointers[i] = _owners[i].DangerousGetHandle();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public nint[] Pointers { get; }

    public void Dispose()
    {
        for (int i = 0; i < _referenced; i++)
        {
            _owners[i].DangerousRelease();
        }

        _referenced = 0;
    }
}
