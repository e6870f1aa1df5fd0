using Npgsql;

namespace GraphGuard.Storage.Ingest;

/// <summary>Action names and their smallint codes (<c>actions</c>); unseen actions get the next code.</summary>
internal sealed class ActionCatalog
{
    private readonly Dictionary<string, short> _codes = new(StringComparer.Ordinal);
    private readonly List<(short Code, string Name)> _added = [];
    private short _next;

    public static async Task<ActionCatalog> LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var catalog = new ActionCatalog();
        await using var cmd = new NpgsqlCommand("select code, name from actions", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var code = reader.GetInt16(0);
            catalog._codes[reader.GetString(1)] = code;
            catalog._next = Math.Max(catalog._next, code);
        }
        return catalog;
    }

    public short Code(string action)
    {
        if (!_codes.TryGetValue(action, out var code))
        {
            if (_next == short.MaxValue)
            {
                throw new InvalidDataException($"more than {short.MaxValue} distinct actions; action '{action}' cannot be stored");
            }
            code = ++_next;
            _codes.Add(action, code);
            _added.Add((code, action));
        }
        return code;
    }

    /// <summary>Hands over the actions added since the last call.</summary>
    public IReadOnlyList<(short Code, string Name)> TakeAdded()
    {
        var added = _added.ToArray();
        _added.Clear();
        return added;
    }

    public static async Task SaveAsync(NpgsqlConnection connection, IReadOnlyList<(short Code, string Name)> added, CancellationToken ct)
    {
        if (added.Count == 0)
        {
            return;
        }
        // One statement for the lot: a file may name thousands of new actions.
        await using var cmd = new NpgsqlCommand("insert into actions (code, name) select * from unnest($1::smallint[], $2::text[])", connection)
        {
            Parameters = { new() { Value = added.Select(a => a.Code).ToArray() }, new() { Value = added.Select(a => a.Name).ToArray() } },
        };
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
