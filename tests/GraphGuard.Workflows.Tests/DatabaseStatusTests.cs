using GraphGuard.Storage.Migrations;
using GraphGuard.Testing;

namespace GraphGuard.Workflows.Tests;

/// <summary><c>db status</c> on the test cluster: running, and every migration either applied or pending.</summary>
public sealed class DatabaseStatusTests
{
    [Test]
    public async Task Reports_the_running_cluster_and_every_migration_once()
    {
        TestDatabase.UseRepositoryHome();
        var status = await DatabaseStatus.ReadAsync();
        Assert.Multiple(() =>
        {
            Assert.That(status.State, Is.EqualTo("running"));
            Assert.That(status.Location, Is.Not.Empty.And.Not.Contains("Password"));
            Assert.That(status.AppliedMigrations!.Concat(status.PendingMigrations!), Is.EquivalentTo(Migrator.All.Select(m => m.Version)));
        });
    }
}
