namespace GraphGuard.Core.Detection;

/// <summary>
/// Union–find over 0..n-1 for detectors that group what their pairwise evidence links. A root only ever
/// points to a smaller root, so each set's root is its smallest member: the grouping, and the labels,
/// do not depend on the order of the unions.
/// </summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;

    public DisjointSets(int count)
    {
        _parent = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
        }
    }

    public int Count => _parent.Length;

    /// <summary>The smallest member of <paramref name="x"/>'s set.</summary>
    public int Find(int x)
    {
        // Path halving: every other node on the way points to its grandparent.
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    /// <summary>Merges the sets of <paramref name="a"/> and <paramref name="b"/>; false when already one set.</summary>
    public bool Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b)
        {
            return false;
        }
        if (a < b)
        {
            _parent[b] = a;
        }
        else
        {
            _parent[a] = b;
        }
        return true;
    }

    /// <summary>Size of each set, indexed by root (0 for non-roots).</summary>
    public int[] SizesByRoot()
    {
        var sizes = new int[_parent.Length];
        for (var x = 0; x < _parent.Length; x++)
        {
            sizes[Find(x)]++;
        }
        return sizes;
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
