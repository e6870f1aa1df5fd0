using GraphGuard.Storage.Database;
using GraphGuard.Storage.Migrations;
using Npgsql;

namespace GraphGuard.Workflows;

/// <summary><c>db status</c>: where the database is, whether it runs, and its migrations (printed, or written as JSON).</summary>
/// <param name="Location">The private cluster's data folder, or the configured server without its password.</param>
/// <param name="State">The cluster's state in lower case (a configured server counts as running).</param>
/// <param name="AppliedMigrations">Applied versions; null while the database is not running.</param>
/// <param name="PendingMigrations">Versions still to apply; null while the database is not running.</param>
public sealed record DatabaseStatus(string Location, string State, IReadOnlyList<int>? AppliedMigrations, IReadOnlyList<int>? PendingMigrations)
{
    public static async Task<DatabaseStatus> ReadAsync(CancellationToken ct = default)
    {
        var configured = GraphGuardHome.ConnectionOverride();
        var cluster = LocalCluster.Default();
        var state = configured is null ? await cluster.StatusAsync(ct).ConfigureAwait(false) : ClusterState.Running;
        var where = configured is null ? cluster.DataDirectory : new NpgsqlConnectionStringBuilder(configured) { Password = null }.ConnectionString;
        var name = state.ToString().ToLowerInvariant();
        if (state != ClusterState.Running)
        {
            return new DatabaseStatus(where, name, null, null);
        }
        await using var dataSource = NpgsqlDataSource.Create(await DatabaseConnector.ResolveAsync(ct: ct).ConfigureAwait(false));
        await DatabaseConnector.EnsureDatabaseAsync(dataSource.ConnectionString, ct).ConfigureAwait(false);
        var applied = await Migrator.AppliedAsync(dataSource, ct).ConfigureAwait(false);
        return new DatabaseStatus(where, name, applied, [.. Migrator.All.Select(m => m.Version).Except(applied)]);
    }
}
