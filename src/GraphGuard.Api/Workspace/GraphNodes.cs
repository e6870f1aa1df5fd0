using GraphGuard.Api.Snapshot;
using GraphGuard.Api.Workspace.Json;
using GraphGuard.Core.Domain;
using GraphGuard.Storage.Detection;
using Npgsql;

namespace GraphGuard.Api.Workspace;

/// <summary>Names graph nodes for the workspace (one entities read for all of them) and gives accounts their published risk.</summary>
internal sealed class GraphNodes
{
    private readonly Dictionary<int, GraphNodeView> _nodes = [];

    private GraphNodes()
    {
    }

    public static async Task<GraphNodes> LoadAsync(NpgsqlDataSource dataSource, IEnumerable<int> ids, PublishedRun? run, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToArray();
        var names = await EntityNames.LoadAsync(dataSource, distinct, ct).ConfigureAwait(false);
        var nodes = new GraphNodes();
        foreach (var id in distinct)
        {
            var qualified = names.Qualified(id);
            var colon = qualified.IndexOf(':', StringComparison.Ordinal);
            var kind = colon > 0 ? qualified[..colon] : "unknown";
            var label = names.ExternalId(id);
            var risk = kind == Kind(EntityKind.Account) ? run?.Find(label) : null;
            nodes._nodes[id] = new GraphNodeView(id, kind, label, risk?.Score, risk?.Band);
        }
        return nodes;
    }

    public GraphNodeView this[int id] => _nodes[id];

    public IReadOnlyList<GraphNodeView> All => [.. _nodes.Values];

    public static string Kind(EntityKind kind) => kind.ToString().ToLowerInvariant();
}
