using Npgsql;

namespace GraphGuard.Storage.Database;

/// <summary>One-line SQL on an open connection, with positional parameters ($1, $2, ...).</summary>
internal static class Sql
{
    /// <summary>Runs a statement and returns the rows it affected.</summary>
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = Command(connection, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The first column of the first row, or null.</summary>
    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = Command(connection, sql, parameters);
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = p });
        }
        return cmd;
    }
}
