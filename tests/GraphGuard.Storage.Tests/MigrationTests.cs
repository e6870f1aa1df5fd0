using GraphGuard.Storage.Migrations;
using GraphGuard.Tests.Shared;
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

    [Test]
    public void Migrations_are_numbered_without_gaps() =>
        Assert.That(Migrator.All.Select(m => m.Version), Is.EqualTo(Enumerable.Range(1, Migrator.All.Count)));
}
