using System.Reflection;
using System.Text.RegularExpressions;
using GraphGuard.Storage.Database;
using Npgsql;

namespace GraphGuard.Storage.Migrations;

/// <summary>
/// Applies the embedded, numbered SQL migrations (<c>NNNN_name.sql</c>) in order, each in its own
/// transaction together with its row in <c>schema_migrations</c>. Already applied versions are skipped,
/// so migrating twice is a no-op; an advisory lock keeps two processes from migrating at once.
/// </summary>
public static partial class Migrator
{
    private const long LockKey = 0x6772_6170_686d_6967; // "graphmig"

    public static IReadOnlyList<Migration> All { get; } = LoadEmbedded();

    /// <summary>Applies pending migrations and returns the ones applied now.</summary>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await Sql.ExecuteAsync(connection, "select pg_advisory_lock($1)", ct, LockKey).ConfigureAwait(false);
        try
        {
            await Sql.ExecuteAsync(connection, """
                create table if not exists schema_migrations (
                    version    integer primary key,
                    name       text not null,
                    applied_at timestamptz not null default now())
                """, ct).ConfigureAwait(false);
            var applied = await AppliedVersionsAsync(connection, ct).ConfigureAwait(false);
            var done = new List<Migration>();
            foreach (var migration in All.Where(m => !applied.Contains(m.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
                await Sql.ExecuteAsync(connection, migration.Sql, ct).ConfigureAwait(false);
                await Sql.ExecuteAsync(connection, "insert into schema_migrations(version, name) values ($1, $2)", ct, migration.Version, migration.Name).ConfigureAwait(false);
                await tx.CommitAsync(ct).ConfigureAwait(false);
                done.Add(migration);
            }
            return done;
        }
        finally
        {
            await Sql.ExecuteAsync(connection, "select pg_advisory_unlock($1)", CancellationToken.None, LockKey).ConfigureAwait(false);
        }
    }

    /// <summary>Versions recorded as applied, in order.</summary>
    public static async Task<IReadOnlyList<int>> AppliedAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("select to_regclass('schema_migrations') is not null", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
        {
            return [];
        }
        return [.. (await AppliedVersionsAsync(connection, ct).ConfigureAwait(false)).Order()];
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var versions = new HashSet<int>();
        await using var cmd = new NpgsqlCommand("select version from schema_migrations", connection);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = MigrationName().Match(resource);
            if (!match.Success)
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        return migrations;
    }

    [GeneratedRegex(@"\.Migrations\.(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex MigrationName();
}
