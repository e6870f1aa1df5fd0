using GraphGuard.Core.Domain;
using Npgsql;

namespace GraphGuard.Storage.Detection;

/// <summary>External ids of graph nodes (entities.id), looked up in bulk, for evidence people read.</summary>
public sealed class EntityNames
{
    private readonly Dictionary<int, (EntityKind Kind, string ExternalId)> _names;

    private EntityNames(Dictionary<int, (EntityKind, string)> names) => _names = names;

    public static async Task<EntityNames> LoadAsync(NpgsqlDataSource dataSource, IEnumerable<int> ids, CancellationToken ct = default)
    {
        var found = await EntityQueries.NamesAsync(dataSource, [.. ids.Distinct()], ct).ConfigureAwait(false);
        return new EntityNames(found.ToDictionary(n => n.Key, n => (n.Value.Kind, n.Value.ExternalId)));
    }

    /// <summary>The bare external id (what an account is known by outside).</summary>
    public string ExternalId(int id) => _names.TryGetValue(id, out var n) ? n.ExternalId : $"#{id}";

    /// <summary><c>kind:external id</c>, as evidence examples are stored.</summary>
    public string Qualified(int id) => _names.TryGetValue(id, out var n) ? $"{n.Kind.ToString().ToLowerInvariant()}:{n.ExternalId}" : $"#{id}";

    /// <summary>How a sentence names it, e.g. <c>device d81f2</c>.</summary>
    public string Describe(int id) => _names.TryGetValue(id, out var n) ? $"{n.Kind.ToString().ToLowerInvariant()} {n.ExternalId}" : $"entity #{id}";
}
