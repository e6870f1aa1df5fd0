using GraphGuard.Storage.Workspace;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Storage.Tests.Workspace;

public sealed class DecisionStoreTests
{
    [Test]
    public async Task A_cluster_decision_whose_members_were_shown_different_numbers_of_reasons_is_in_the_audit_trail_and_undoes()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(nameof(DecisionStoreTests)));
        await using (var accounts = dataSource.CreateCommand("insert into entities (id, kind, external_id) values (1, 1, 'a1'), (2, 1, 'a2'), (3, 1, 'a3')"))
        {
            await accounts.ExecuteNonQueryAsync();
        }
        DecisionTarget[] members =
        [
            new(1, "a1", 0.9f, ["made 15 likes", "shares a device"]),
            new(2, "a2", 0.7f, ["made 3 likes"]),
            new(3, "a3", null, []),
        ];

        var (batch, _) = await DecisionStore.RecordAsync(dataSource, new DecisionRequest(members, 7, DecisionLabel.Abusive, "one ring", "ana", 1, "m1"));
        var audit = await DecisionStore.AuditAsync(dataSource, null, 10);
        var undone = await DecisionStore.UndoAsync(dataSource, batch, "ana");

        Assert.Multiple(async () =>
        {
            Assert.That(audit.Select(e => (e.BatchId, e.Accounts)), Is.EqualTo(new[] { (batch, 3) }));
            Assert.That(audit[0].ReasonsShown, Is.EqualTo(new[] { "made 15 likes", "shares a device" }), "the first member's reasons");
            Assert.That(undone, Is.EqualTo(3));
            Assert.That(await TestDatabase.CountAsync(dataSource, "select count(*) from labels where source = 'analyst'"), Is.Zero);
        });
    }
}
