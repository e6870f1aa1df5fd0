using System.Globalization;
using GraphGuard.Core.Synthetic;
using GraphGuard.Testing;

namespace GraphGuard.Core.Tests.Synthetic;

/// <summary>The generator's population shift and label delay change what they say and nothing else.</summary>
public sealed class PopulationShiftTests
{
    private static readonly string[] Shifted = ["f_bio_length", "f_display_name_digits"];

    [Test]
    public void A_profile_shift_changes_only_bio_length_and_display_name_digits()
    {
        var plain = GeneratedWorld.Generate(new WorldOptions { Accounts = 2_000, Seed = 9 });
        var shifted = GeneratedWorld.Generate(new WorldOptions { Accounts = 2_000, Seed = 9, ProfileShift = 3 });
        var a = CsvTable.Parse(plain.Files[WorldStreams.AccountsFile]);
        var b = CsvTable.Parse(shifted.Files[WorldStreams.AccountsFile]);
        Assert.That(b.Rows, Has.Count.EqualTo(a.Rows.Count));
        foreach (var column in a.Header)
        {
            var i = a.Column(column);
            var changed = a.Rows.Zip(b.Rows).Count(p => p.First[i] != p.Second[i]);
            if (Shifted.Contains(column))
            {
                Assert.That(changed, Is.GreaterThan(a.Rows.Count / 3), column);
                Assert.That(a.Rows.Zip(b.Rows).All(p => int.Parse(p.Second[i], CultureInfo.InvariantCulture) == 3 * int.Parse(p.First[i], CultureInfo.InvariantCulture)), column);
            }
            else
            {
                Assert.That(changed, Is.Zero, column);
            }
        }
        foreach (var file in new[] { WorldStreams.EventsFile, WorldStreams.LabelsFile, WorldStreams.TruthFile })
        {
            Assert.That(shifted.Files[file], Is.EqualTo(plain.Files[file]), file);
        }
    }

    [Test]
    public void A_label_delay_moves_every_label_later_by_that_much()
    {
        var plain = CsvTable.Parse(GeneratedWorld.Generate(new WorldOptions { Accounts = 2_000, Seed = 9 }).Files[WorldStreams.LabelsFile]);
        var late = CsvTable.Parse(GeneratedWorld.Generate(new WorldOptions { Accounts = 2_000, Seed = 9, LabelDelay = TimeSpan.FromDays(14) }).Files[WorldStreams.LabelsFile]);
        var ts = plain.Column("ts");
        Assert.That(late.Rows, Has.Count.EqualTo(plain.Rows.Count).And.Count.GreaterThan(0));
        Assert.That(plain.Rows.Zip(late.Rows).Select(p => DateTime.Parse(p.Second[ts], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            - DateTime.Parse(p.First[ts], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)), Is.All.EqualTo(TimeSpan.FromDays(14)));
    }
}
