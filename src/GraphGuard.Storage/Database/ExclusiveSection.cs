using Npgsql;

namespace GraphGuard.Storage.Database;

/// <summary>
/// One process at a time across the database: a session advisory lock held on a connection of its own until
/// disposed (for work another library does in the database, like installing its schema).
/// </summary>
public sealed class ExclusiveSection : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private ExclusiveSection(NpgsqlConnection connection, long key) => (_connection, _key) = (connection, key);

    /// <summary>Waits for the section named by <paramref name="key"/>.</summary>
    public static ExclusiveSection Enter(string connectionString, long key)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            using var take = new NpgsqlCommand("select pg_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            take.ExecuteNonQuery();
            return new ExclusiveSection(connection, key);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            using var release = new NpgsqlCommand("select pg_advisory_unlock($1)", _connection) { Parameters = { new() { Value = _key } } };
            release.ExecuteNonQuery();
        }
        finally
        {
            _connection.Dispose();
        }
    }
}
