using GraphGuard.Storage.Migrations;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Storage.Tests;

public sealed class MigrationTests
{
    [Test]
    public async Task Migrating_twice_applies_everything_once_then_nothing()
    {
        var connectionString = await TestDatabase.CreateAsync(nameof(MigrationTests));
        await using (var drop = new NpgsqlConnection(connectionString))
        {
            // Start from a database with no schema at all.
            await drop.OpenAsync();
            await using var cmd = new NpgsqlCommand("drop schema public cascade; create schema public", drop);
            await cmd.ExecuteNonQueryAsync();
        }
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var first = await Migrator.MigrateAsync(dataSource);
        var second = await Migrator.MigrateAsync(dataSource);

        Assert.That(first.Select(m => m.Version), Is.EqualTo(Migrator.All.Select(m => m.Version)));
        Assert.That(second, Is.Empty);
        Assert.That(await Migrator.AppliedAsync(dataSource), Is.EqualTo(Migrator.All.Select(m => m.Version)));
        Assert.That(await TestDatabase.CountAsync(dataSource, "select count(*) from schema_migrations"), Is.EqualTo(Migrator.All.Count));
    }

    /// <summary>Scheduling left Quartz.NET for Hangfire: the job store an early migration made is dropped by a later one.</summary>
    [Test]
    public async Task A_migrated_database_keeps_none_of_the_quartz_tables_an_early_migration_made()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(nameof(MigrationTests) + "_quartz"));
        Assert.That(Migrator.All.Where(m => m.Sql.Contains("create table qrtz_", StringComparison.Ordinal)), Is.Not.Empty, "an early migration made them");
        Assert.That(await TestDatabase.CountAsync(dataSource, "select count(*) from pg_tables where tablename like 'qrtz%'"), Is.Zero);
    }

    // Numbers are reserved per line of work and applied by set, so gaps are fine; a number used twice is not.
    [Test]
    public void Migrations_have_distinct_rising_numbers() =>
        Assert.That(Migrator.All.Select(m => m.Version), Is.Unique.And.Ordered.And.All.GreaterThan(0));
}
