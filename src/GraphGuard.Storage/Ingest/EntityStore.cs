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

    /// <summary>Copies the entities added since the last save; they are new by construction (ingest holds the lock).</summary>
    public static async Task<int> SaveNewAsync(NpgsqlConnection connection, EntityDictionary entities, CancellationToken ct)
    {
        var added = entities.TakeAdded();
        if (added.Count == 0)
        {
            return 0;
        }
        await using var import = await connection.BeginBinaryImportAsync("copy entities (id, kind, external_id) from stdin (format binary)", ct).ConfigureAwait(false);
        foreach (var entity in added)
        {
            import.StartRow();
            import.Write(entity.Id, NpgsqlDbType.Integer);
            import.Write((short)entity.Kind, NpgsqlDbType.Smallint);
            import.Write(entity.ExternalId, NpgsqlDbType.Text);
        }
        await import.CompleteAsync(ct).ConfigureAwait(false);
        return added.Count;
    }
}
