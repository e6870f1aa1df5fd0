using GraphGuard.Core.Synthetic;
using GraphGuard.Testing;

namespace GraphGuard.Core.Tests.Synthetic;

public sealed class WorldFormatTests
{
    private static GeneratedWorld World => GeneratedWorld.Standard;

    [Test]
    public void Same_seed_writes_identical_bytes()
    {
        // Three chunks, so the parallel path and the in-order writer are both exercised.
        var options = new WorldOptions { Accounts = 10_000, Seed = 5, BadRows = 12 };
        var first = GeneratedWorld.Generate(options);
        var second = GeneratedWorld.Generate(options);
        foreach (string file in WorldStreams.FileNames)
        {
            Assert.That(second.Files[file].AsSpan().SequenceEqual(first.Files[file]), file + " differs");
        }
    }

    [Test]
    public void Different_seed_writes_different_bytes()
    {
        var first = GeneratedWorld.Generate(new WorldOptions { Accounts = 2_000, Seed = 1 });
        var second = GeneratedWorld.Generate(new WorldOptions { Accounts = 2_000, Seed = 2 });
        foreach (string file in new[] { WorldStreams.AccountsFile, WorldStreams.EventsFile, WorldStreams.TruthFile })
        {
            Assert.That(second.Files[file].AsSpan().SequenceEqual(first.Files[file]), Is.False, file + " is the same");
        }
    }

    [Test]
    public void Every_file_starts_with_the_v1_header()
    {
        foreach (string file in WorldStreams.FileNames)
        {
            Assert.That(World.Table(file).Header, Is.EqualTo(InterchangeRules.Headers[file]), file);
        }
    }

    [Test]
    public void Every_row_of_every_file_is_well_formed()
    {
        Assert.Multiple(() =>
        {
            foreach (string file in WorldStreams.FileNames)
            {
                var bad = World.Table(file).Rows.Where(row => !InterchangeRules.IsWellFormed(file, row)).Take(3);
                Assert.That(bad.Select(r => string.Join(",", r)), Is.Empty, file);
            }
        });
    }

    [Test]
    public void Summary_counts_match_the_rows_written()
    {
        var summary = World.Summary;
        Assert.Multiple(() =>
        {
            Assert.That(summary.Accounts, Is.EqualTo(World.Table(WorldStreams.AccountsFile).Rows.Count));
            Assert.That(summary.Events, Is.EqualTo(World.Table(WorldStreams.EventsFile).Rows.Count));
            Assert.That(summary.Content, Is.EqualTo(World.Table(WorldStreams.ContentFile).Rows.Count));
            Assert.That(summary.ContentSignals, Is.EqualTo(World.Table(WorldStreams.ContentSignalsFile).Rows.Count));
            Assert.That(summary.Labels, Is.EqualTo(World.Table(WorldStreams.LabelsFile).Rows.Count));
            Assert.That(summary.TruthRows, Is.EqualTo(World.Table(WorldStreams.TruthFile).Rows.Count));
            Assert.That(summary.Lookalikes, Is.EqualTo(World.Table(WorldStreams.LookalikesFile).Rows.Count));
            Assert.That(summary.AbusiveAccountsByPattern.Values.Sum(), Is.EqualTo(summary.TruthRows));
        });
    }

    [Test]
    public void Event_ids_are_unique()
    {
        var ids = World.Table(WorldStreams.EventsFile).Rows.Select(r => r[0]).ToList();
        Assert.That(ids, Is.Unique);
    }

    [Test]
    public void Account_and_content_ids_are_unique()
    {
        Assert.That(World.Table(WorldStreams.AccountsFile).Rows.Select(r => r[0]), Is.Unique);
        Assert.That(World.Table(WorldStreams.ContentFile).Rows.Select(r => r[0]), Is.Unique);
    }

    [Test]
    public void Events_average_twenty_to_thirty_per_account()
    {
        double perAccount = World.Summary.Events / (double)World.Summary.Accounts;
        Assert.That(perAccount, Is.InRange(20, 32));
    }

    [Test]
    public void Text_with_commas_quotes_and_line_breaks_survives_quoting()
    {
        var texts = World.Table(WorldStreams.ContentFile).Rows.Select(r => r[3]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(texts, Has.Some.Contains(','));
            Assert.That(texts, Has.Some.Contains('"'));
            Assert.That(texts, Has.Some.Contains('\n'));
        });
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(10)]
    [TestCase(37)]
    public void Bad_rows_option_produces_exactly_that_many_bad_rows(int badRows)
    {
        var world = GeneratedWorld.Generate(new WorldOptions { Accounts = 2_000, Seed = 3, BadRows = badRows });
        var truth = world.Table(WorldStreams.TruthFile).Rows.Select(r => r[0]).ToHashSet();
        int bad = 0;
        foreach (string file in WorldStreams.FileNames)
        {
            foreach (var row in world.Table(file).Rows.Where(row => !InterchangeRules.IsWellFormed(file, row)))
            {
                bad++;
                Assert.That(row.Where(truth.Contains), Is.Empty, "bad rows must not name abusive accounts");
            }
        }

        Assert.That(bad, Is.EqualTo(badRows));
    }

    [Test]
    public void Ten_bad_rows_touch_five_files()
    {
        var world = GeneratedWorld.Generate(new WorldOptions { Accounts = 2_000, Seed = 3, BadRows = 10 });
        var files = WorldStreams.FileNames
            .Where(file => world.Table(file).Rows.Any(row => !InterchangeRules.IsWellFormed(file, row)));
        Assert.That(files, Is.EquivalentTo(new[]
        {
            WorldStreams.AccountsFile, WorldStreams.EventsFile, WorldStreams.ContentFile,
            WorldStreams.ContentSignalsFile, WorldStreams.LabelsFile,
        }));
    }

    [TestCase(999, 0.3, 0.02, 0)]
    [TestCase(10_000, 1.5, 0.02, 0)]
    [TestCase(10_000, 0.3, -0.1, 0)]
    [TestCase(10_000, 0.3, double.NaN, 0)]
    [TestCase(10_000, 0.3, 0.02, -1)]
    [TestCase(10_000, 0.3, 0.02, 10_001)]
    public void Out_of_range_options_are_rejected(int accounts, double abusiveRate, double benignRate, int badRows)
    {
        var options = new WorldOptions
        {
            Accounts = accounts,
            AbusiveLabelRate = abusiveRate,
            BenignLabelRate = benignRate,
            BadRows = badRows,
        };
        var streams = WorldStreams.Open(_ => new MemoryStream());
        Assert.Throws<ArgumentException>(() => WorldGenerator.Generate(options, streams));
    }

    [Test]
    public void Read_only_streams_are_rejected()
    {
        var streams = WorldStreams.Open(name => name == WorldStreams.LabelsFile ? new MemoryStream([], writable: false) : new MemoryStream());
        var ex = Assert.Throws<ArgumentException>(() => WorldGenerator.Generate(new WorldOptions { Accounts = 2_000 }, streams));
        Assert.That(ex.Message, Does.Contain(WorldStreams.LabelsFile));
    }

    [Test]
    public void Progress_rises_to_one()
    {
        var reports = new List<double>();
        var streams = WorldStreams.Open(_ => new MemoryStream());
        WorldGenerator.Generate(new WorldOptions { Accounts = 9_000 }, streams, new ProgressRecorder(reports));
        Assert.That(reports, Is.Ordered.And.Not.Empty);
        Assert.That(reports[^1], Is.EqualTo(1.0));
    }

    [Test]
    public void Cancellation_stops_generation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var streams = WorldStreams.Open(_ => new MemoryStream());
        Assert.That(
            () => WorldGenerator.Generate(new WorldOptions { Accounts = 20_000 }, streams, cancellationToken: cancelled.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    /// <summary>Records synchronously; <see cref="Progress{T}"/> would post to the thread pool.</summary>
    private sealed class ProgressRecorder(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
