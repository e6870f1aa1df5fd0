using GraphGuard.Core.Graph;
using GraphGuard.Storage.Features;
using GraphGuard.Storage.Pipeline;
using GraphGuard.Storage.Snapshots;
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

    [Test]
    public async Task A_decision_is_the_label_the_next_training_reads_and_its_undo_gives_back_the_label_before()
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(nameof(DecisionStoreTests) + "_training"));
        await using (var world = dataSource.CreateCommand("""
            insert into entities (id, kind, external_id) values (1, 1, 'a1'), (2, 1, 'a2');
            insert into events (ts, actor_id, target_id, action, event_id) values ('2026-01-03', 1, 2, 1, 'e1');
            insert into labels (account_id, label, source, ts) values (1, 'benign', 'world', '2026-01-01');
            """))
        {
            await world.ExecuteNonQueryAsync();
        }
        var (graph, _) = await SnapshotLoader.LoadAsync(dataSource, SnapshotWindow.All);
        using (graph)
        {
            var accounts = new AccountIndex(graph);
            var before = await RiskModelStore.LabelsFingerprintAsync(dataSource);
            var (batch, _) = await DecisionStore.RecordAsync(dataSource,
                new DecisionRequest([new(1, "a1", 0.4f, ["made 15 likes"])], null, DecisionLabel.Abusive, "same device as the ring", "ana", 1, "m1"));
            var decided = await AccountLabels.ReadLatestAsync(dataSource, graph, accounts);
            var decidedFingerprint = await RiskModelStore.LabelsFingerprintAsync(dataSource);
            await DecisionStore.UndoAsync(dataSource, batch, "ana");
            var undone = await AccountLabels.ReadLatestAsync(dataSource, graph, accounts);
            Assert.Multiple(async () =>
            {
                Assert.That(decided[accounts.IndexOf(1)], Is.True, "the training's label for a1 is the analyst's, newer than the world's");
                Assert.That(decidedFingerprint, Is.Not.EqualTo(before), "the train stage sees changed labels and trains again");
                Assert.That(undone[accounts.IndexOf(1)], Is.False, "after undo the world's label is a1's again");
                Assert.That(await RiskModelStore.LabelsFingerprintAsync(dataSource), Is.EqualTo(before));
            });
        }
    }
}
