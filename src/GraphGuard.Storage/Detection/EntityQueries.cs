using GraphGuard.Core.Domain;
using Npgsql;

namespace GraphGuard.Storage.Detection;

/// <summary>Entities (<c>entities</c>) by external id and by id, for the service's subgraphs.</summary>
public static class EntityQueries
{
    /// <summary>An account's entities.id by its external id, or null when there is no such account.</summary>
    public static async Task<int?> AccountIdAsync(NpgsqlDataSource dataSource, string externalId, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("select id from entities where kind = $2 and external_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = externalId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (short)EntityKind.Account });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is int id ? id : null;
    }

    /// <summary>Kind and external id of each of <paramref name="ids"/> that exists.</summary>
    public static async Task<Dictionary<int, (string ExternalId, EntityKind Kind)>> NamesAsync(NpgsqlDataSource dataSource, int[] ids, CancellationToken ct = default)
    {
        var names = new Dictionary<int, (string, EntityKind)>();
        await using var cmd = dataSource.CreateCommand("select id, kind, external_id from entities where id = any($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            names[reader.GetInt32(0)] = (reader.GetString(2), (EntityKind)reader.GetInt16(1));
        }
        return names;
    }
}
