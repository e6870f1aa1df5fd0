namespace GraphGuard.Core.Detection;

/// <summary>Union–find with path halving and union by size, over elements 0..n-1.</summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public DisjointSets(int n)
    {
        _parent = new int[n];
        _size = new int[n];
        for (var i = 0; i < n; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b)
        {
            return;
        }
        if (_size[a] < _size[b])
        {
            (a, b) = (b, a);
        }
        _parent[b] = a;
        _size[a] += _size[b];
    }

    /// <summary>Sets of at least <paramref name="minSize"/> elements among <paramref name="candidates"/>, each sorted, in order of their smallest element.</summary>
    public List<int[]> Groups(IEnumerable<int> candidates, int minSize)
    {
        var byRoot = new Dictionary<int, List<int>>();
        foreach (var x in candidates)
        {
            var root = Find(x);
            if (!byRoot.TryGetValue(root, out var list))
            {
                byRoot[root] = list = [];
            }
            list.Add(x);
        }
        return [.. byRoot.Values.Where(g => g.Count >= minSize).Select(g => g.Order().ToArray()).OrderBy(g => g[0])];
    }
}
