namespace GraphGuard.Core.Domain;

/// <summary>
/// Maps (kind, external string id) to dense node ids 0..Count-1, the ids the graph is built on.
/// New entities get the next id in order of first appearance, so replaying the same inputs in the same
/// order always yields the same ids. Lookups by character span avoid a string per probe.
/// </summary>
public sealed class EntityDictionary
{
    private readonly Dictionary<string, int>[] _byKind;
    private readonly List<NewEntity> _added = [];

    public EntityDictionary()
    {
        _byKind = new Dictionary<string, int>[EntityKinds.All.Max(k => (int)k) + 1];
        for (var i = 0; i < _byKind.Length; i++)
        {
            _byKind[i] = new Dictionary<string, int>(StringComparer.Ordinal);
        }
    }

    /// <summary>Number of entities known, loaded and added.</summary>
    public int Count { get; private set; }

    /// <summary>Entities added since the last <see cref="TakeAdded"/>.</summary>
    public int PendingCount => _added.Count;

    /// <summary>Registers an entity that already has an id (loaded from storage).</summary>
    public void Load(EntityKind kind, string externalId, int id)
    {
        _byKind[(int)kind].Add(externalId, id);
        Count = Math.Max(Count, id + 1);
    }

    /// <summary>The id of an entity, assigning the next dense id when it is new.</summary>
    public int GetOrAdd(EntityKind kind, string externalId)
    {
        var map = _byKind[(int)kind];
        if (map.TryGetValue(externalId, out var id))
        {
            return id;
        }
        id = Count++;
        map.Add(externalId, id);
        _added.Add(new NewEntity(id, kind, externalId));
        return id;
    }

    /// <summary>
    /// The id of an entity named by UTF-8 bytes (at most 256, as format v1 allows), assigning the next id
    /// when it is new. Only a new entity costs a string.
    /// </summary>
    public int GetOrAdd(EntityKind kind, ReadOnlySpan<byte> utf8ExternalId)
    {
        Span<char> chars = utf8ExternalId.Length <= 256 ? stackalloc char[256] : new char[utf8ExternalId.Length];
        var name = chars[..System.Text.Encoding.UTF8.GetChars(utf8ExternalId, chars)];
        var lookup = _byKind[(int)kind].GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(name, out var id) ? id : GetOrAdd(kind, name.ToString());
    }

    /// <summary>The id of a known entity, or -1.</summary>
    public int Find(EntityKind kind, ReadOnlySpan<char> externalId) =>
        _byKind[(int)kind].GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(externalId, out var id) ? id : -1;

    /// <summary>Hands over the entities added since the last call, in id order, and forgets them.</summary>
    public IReadOnlyList<NewEntity> TakeAdded()
    {
        var added = _added.ToArray();
        _added.Clear();
        return added;
    }
}
