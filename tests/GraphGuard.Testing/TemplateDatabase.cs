using GraphGuard.Storage.Database;
using Npgsql;

namespace GraphGuard.Testing;

/// <summary>
/// Data that is slow to make (a generated world ingested, a pipeline run) made once per test process into a template
/// database; each fixture gets its own copy (<c>create database ... template</c>, much faster than making it again),
/// so fixtures never see each other's rows.
/// </summary>
public static class TemplateDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly HashSet<string> Ready = [];

    /// <summary>A fresh database <c>gg_test_NAME</c> copied from the template <c>gg_test_TEMPLATE</c>, which <paramref name="fill"/> makes the first time.</summary>
    /// <param name="template">Names the template (<c>gg_test_TEMPLATE</c>).</param>
    /// <param name="fill">Writes the template's data into a new, migrated database (its connection string given).</param>
    /// <param name="name">Names the copy (<c>gg_test_NAME</c>).</param>
    public static async Task<NpgsqlDataSource> CopyAsync(string template, Func<string, Task> fill, string name)
    {
        await Gate.WaitAsync();
        try
        {
            var templateConnection = await DatabaseConnector.ResolveAsync(TestDatabase.Prefix + template.ToLowerInvariant());
            if (Ready.Add(template))
            {
                await fill(await TestDatabase.CreateAsync(template));
                // A template must have no sessions when it is copied.
                NpgsqlConnection.ClearAllPools();
            }
            var connection = await DatabaseConnector.ResolveAsync(TestDatabase.Prefix + name.ToLowerInvariant());
            await DatabaseConnector.DropDatabaseAsync(connection);
            var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false };
            await using (var db = new NpgsqlConnection(admin.ConnectionString))
            {
                await db.OpenAsync();
                await using var create = new NpgsqlCommand(
                    $"create database \"{new NpgsqlConnectionStringBuilder(connection).Database}\" template \"{new NpgsqlConnectionStringBuilder(templateConnection).Database}\"", db);
                await create.ExecuteNonQueryAsync();
            }
            return NpgsqlDataSource.Create(connection);
        }
        finally
        {
            Gate.Release();
        }
    }
}
