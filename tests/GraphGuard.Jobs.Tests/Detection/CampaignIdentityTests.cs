using System.Globalization;
using System.Text;
using GraphGuard.Jobs.Pipeline;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Ingest;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Testing;
using GraphGuard.Workflows.Detection;
using GraphGuard.Workflows.Features;
using GraphGuard.Workflows.Progress;
using Npgsql;

namespace GraphGuard.Jobs.Tests.Detection;

/// <summary>
/// Campaign identity across detection runs, through the one use case the CLI's <c>detect</c> and the pipeline's
/// detect stage share (<see cref="DetectionWorkflow"/>), on real PostgreSQL. The world: 40 ordinary accounts on
/// devices of their own; a farm of 12 accounts on two devices and one IP in the first week, joined by 6 more
/// in the second; a second farm of 12 on other devices that starts in the second week.
/// </summary>
public sealed class CampaignIdentityTests
{
    private static readonly DateTime Start = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly SnapshotWindow FirstWeek = new(null, Start.AddDays(7));

    private NpgsqlDataSource _db = null!;

    [SetUp]
    public async Task IngestTheWorld()
    {
        _db = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(nameof(CampaignIdentityTests)));
        var folder = Directory.CreateTempSubdirectory("graphguard-campaigns-").FullName;
        try
        {
            WriteWorld(folder);
            await new Ingestor(_db, new IngestOptions()).IngestAsync(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TearDown]
    public async Task Close() => await _db.DisposeAsync();

    [Test]
    public async Task A_growing_campaign_keeps_its_id_with_its_growth_and_a_disjoint_one_gets_a_new_id()
    {
        var first = await DetectionWorkflow.RunAsync(_db, FirstWeek, _ => { });
        var second = await DetectionWorkflow.RunAsync(_db, SnapshotWindow.All, _ => { });

        var before = (await ClusterQueries.ListAsync(_db, first.RunId, null, 100)).Single();
        var after = await ClusterQueries.ListAsync(_db, second.RunId, null, 100);
        var grown = after.Single(c => c.Campaign.CampaignId == before.Campaign.CampaignId);
        var other = after.Single(c => c.Campaign.CampaignId != before.Campaign.CampaignId);
        Assert.Multiple(() =>
        {
            Assert.That(before.Size, Is.EqualTo(12));
            Assert.That((first.Stored.ContinuedCampaigns, first.Stored.NewCampaigns), Is.EqualTo((0, 1)));
            Assert.That((second.Stored.ContinuedCampaigns, second.Stored.NewCampaigns), Is.EqualTo((1, 1)));
            Assert.That(after, Has.Count.EqualTo(2));

            Assert.That(grown.Size, Is.EqualTo(18));
            Assert.That(grown.Growth, Is.EqualTo(6));
            Assert.That((grown.Campaign.Joined, grown.Campaign.Left), Is.EqualTo((6, 0)));
            Assert.That(grown.Campaign.PreviousClusterId, Is.EqualTo(before.ClusterId));
            Assert.That((grown.Campaign.FirstSeenRun, grown.Campaign.FirstSize), Is.EqualTo(((int?)first.RunId, 12)));
            Assert.That(grown.Campaign.LastSeenRun, Is.EqualTo(second.RunId));
            Assert.That(grown.Campaign.Runs, Is.EqualTo(2));

            Assert.That(other.Size, Is.EqualTo(12));
            Assert.That(other.Campaign.CampaignId, Is.GreaterThan(before.Campaign.CampaignId));
            Assert.That(other.Growth, Is.Null);
            Assert.That((other.Campaign.Joined, other.Campaign.Left), Is.EqualTo((12, 0)));
            Assert.That(other.Campaign.FirstSeenRun, Is.EqualTo(second.RunId));
        });
    }

    [Test]
    public async Task Detecting_the_same_window_again_continues_every_campaign_unchanged()
    {
        var first = await DetectionWorkflow.RunAsync(_db, SnapshotWindow.All, _ => { });
        var again = await DetectionWorkflow.RunAsync(_db, SnapshotWindow.All, _ => { });

        var before = await ClusterQueries.ListAsync(_db, first.RunId, null, 100);
        var after = await ClusterQueries.ListAsync(_db, again.RunId, null, 100);
        Assert.That(before, Has.Count.EqualTo(2));
        Assert.That(after.Select(c => (c.Campaign.CampaignId, c.Size, c.Growth, c.Campaign.Joined, c.Campaign.Left)),
            Is.EquivalentTo(before.Select(c => (c.Campaign.CampaignId, c.Size, (int?)0, 0, 0))));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from campaigns"), Is.EqualTo(2));
    }

    [Test]
    public async Task Storing_a_pipeline_runs_detection_again_keeps_the_campaigns_it_started_and_continued()
    {
        var runner = new PipelineRunner(_db, PipelineStages.All(), "test/" + Environment.ProcessId);
        var pipelineRun = await runner.CreateRunAsync(Pipeline.TestPipeline.Definition(), "manual", CancellationToken.None);
        var cli = await DetectionWorkflow.RunAsync(_db, FirstWeek, _ => { });

        var stored = new List<List<ClusterSummary>>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var snapshot = await FeaturePolicy.LoadAsync(_db, SnapshotWindow.All);
            var (run, _) = await DetectionWorkflow.DetectAndStoreAsync(_db, snapshot, pipelineRun, new SynchronousProgress<string>(_ => { }));
            stored.Add(await ClusterQueries.ListAsync(_db, run.RunId, null, 100));
        }

        var campaignOfCli = (await ClusterQueries.ListAsync(_db, cli.RunId, null, 100)).Single().Campaign.CampaignId;
        Assert.That(stored[0], Has.Count.EqualTo(2));
        Assert.That(stored[1].Select(c => (c.Campaign.CampaignId, c.Campaign.PreviousClusterId, c.Growth, c.Campaign.Joined, c.Campaign.Runs)),
            Is.EquivalentTo(stored[0].Select(c => (c.Campaign.CampaignId, c.Campaign.PreviousClusterId, c.Growth, c.Campaign.Joined, c.Campaign.Runs))));
        Assert.That(stored[1].Select(c => c.Campaign.CampaignId), Does.Contain(campaignOfCli));
        Assert.That(stored[1].Single(c => c.Campaign.CampaignId != campaignOfCli).Campaign.FirstSeenRun, Is.EqualTo(stored[1][0].DetectionRunId));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from campaigns"), Is.EqualTo(2));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from detection_runs"), Is.EqualTo(2));
    }

    private static void WriteWorld(string folder)
    {
        var accounts = new StringBuilder("account_id,created_at\n");
        var events = new StringBuilder("event_id,ts,actor,action,target_type,target\n");
        var n = 0;
        void Account(string id, DateTime created) => accounts.Append(CultureInfo.InvariantCulture, $"{id},{created:yyyy-MM-ddTHH:mm:ssZ}\n");
        void Event(DateTime ts, string actor, string action, string type, string target) =>
            events.Append(CultureInfo.InvariantCulture, $"e{n++},{ts:yyyy-MM-ddTHH:mm:ssZ},{actor},{action},{type},{target}\n");

        for (var i = 0; i < 40; i++)
        {
            Account($"u{i}", Start.AddDays(-300 + i));
            Event(Start.AddHours(3 + i), $"u{i}", "login", "device", $"phone-u{i}");
            Event(Start.AddHours(4 + i), $"u{i}", "login", "ip", $"10.1.0.{i}");
            Event(Start.AddDays(9).AddHours(i), $"u{i}", "follow", "account", $"u{(i + 1) % 40}");
        }
        for (var i = 0; i < 18; i++)
        {
            // The first 12 farm accounts log in during the first week, the last 6 during the second.
            var at = Start.AddDays(i < 12 ? 1 : 8).AddMinutes(10 * i);
            Account($"farm{i}", Start.AddDays(-100 + 3 * i));
            Event(at, $"farm{i}", "login", "device", $"emu-a{i % 2}");
            Event(at.AddMinutes(1), $"farm{i}", "login", "device", $"emu-a{(i + 1) % 2}");
            Event(at.AddMinutes(2), $"farm{i}", "login", "ip", "203.0.113.7");
        }
        for (var i = 0; i < 12; i++)
        {
            var at = Start.AddDays(10).AddMinutes(10 * i);
            Account($"ring{i}", Start.AddDays(-90 + 3 * i));
            Event(at, $"ring{i}", "login", "device", $"emu-b{i % 2}");
            Event(at.AddMinutes(1), $"ring{i}", "login", "device", $"emu-b{(i + 1) % 2}");
            Event(at.AddMinutes(2), $"ring{i}", "login", "ip", "198.51.100.9");
        }
        File.WriteAllText(Path.Combine(folder, "accounts.csv"), accounts.ToString());
        File.WriteAllText(Path.Combine(folder, "events.csv"), events.ToString());
    }
}
