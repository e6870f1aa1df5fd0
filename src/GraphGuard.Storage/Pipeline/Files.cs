using Npgsql;

namespace GraphGuard.Storage.Pipeline;

/// <summary>Reads and writes <c>(key, name, content)</c> rows, as model and encoder files are stored.</summary>
internal static class Files
{
    /// <summary>Inserts each file as a row of <paramref name="table"/> with <paramref name="keyColumn"/> = <paramref name="key"/>.</summary>
    public static async Task InsertAsync(NpgsqlConnection connection, string table, string keyColumn, object key, IReadOnlyDictionary<string, byte[]> files, CancellationToken ct)
    {
        foreach (var (name, content) in files)
        {
            await using var insert = new NpgsqlCommand($"insert into {table} ({keyColumn}, name, content) values ($1, $2, $3)", connection)
            {
                Parameters = { new() { Value = key }, new() { Value = name }, new() { Value = content } },
            };
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public static async Task<Dictionary<string, byte[]>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            files[reader.GetString(0)] = (byte[])reader[1];
        }
        return files;
    }
}
