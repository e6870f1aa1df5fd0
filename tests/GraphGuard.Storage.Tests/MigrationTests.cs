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

    // Numbers are reserved per line of work and applied by set, so gaps are fine; a number used twice is not.
    [Test]
    public void Migrations_have_distinct_rising_numbers() =>
        Assert.That(Migrator.All.Select(m => m.Version), Is.Unique.And.Ordered.And.All.GreaterThan(0));
}
