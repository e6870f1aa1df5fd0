using GraphGuard.Core.Domain;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Ingest;

/// <summary>Reads the entity dictionary from <c>entities</c> and appends the entities an ingest discovers.</summary>
internal static class EntityStore
{
    public static async Task<EntityDictionary> LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var entities = new EntityDictionary();
        await using var export = await connection.BeginBinaryExportAsync("copy entities (id, kind, external_id) to stdout (format binary)", ct).ConfigureAwait(false);
        while (export.StartRow() != -1)
        {
            var id = export.Read<int>(NpgsqlDbType.Integer);
            var kind = (EntityKind)export.Read<short>(NpgsqlDbType.Smallint);
            entities.Load(kind, export.Read<string>(NpgsqlDbType.Text), id);
        }
        return entities;
    }

    /// <summary>Copies entities an ingest discovered; they are new by construction (ingest holds the lock).</summary>
    public static async Task SaveAsync(NpgsqlConnection connection, IReadOnlyList<NewEntity> added, CancellationToken ct)
    {
        if (added.Count == 0)
        {
            return;
        }
        using var payload = new CopyPayload();
        foreach (var entity in added)
        {
            payload.StartRow(3);
            payload.WriteInt32(entity.Id);
            payload.WriteInt16((short)entity.Kind);
            payload.WriteText(entity.ExternalId);
        }
        await RawCopy.SendAsync(connection, "copy entities (id, kind, external_id) from stdin (format binary)", payload.Complete(), ct).ConfigureAwait(false);
    }
}
