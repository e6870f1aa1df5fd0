using GraphGuard.Core.Synthetic;
using GraphGuard.Core.Synthetic.Scenarios;
using GraphGuard.Testing;

namespace GraphGuard.Core.Tests.Synthetic;

public sealed class ScenarioLibraryTests
{
    [Test]
    public void The_library_holds_at_least_twelve_abuse_and_eight_organic_families_that_load_at_both_difficulties()
    {
        var abuse = ScenarioLibrary.Select("abuse");
        var organic = ScenarioLibrary.Select("organic");

        Assert.That(abuse, Has.Count.GreaterThanOrEqualTo(12));
        Assert.That(organic, Has.Count.GreaterThanOrEqualTo(8));
        foreach (var name in ScenarioLibrary.Names)
        {
            foreach (var difficulty in Enum.GetValues<ScenarioDifficulty>())
            {
                var family = ScenarioLibrary.Find(name, difficulty);
                Assert.That(family.Knobs.Size[0], Is.GreaterThanOrEqualTo(2), name);
                Assert.That(family.Knobs.Size[^1], Is.LessThanOrEqualTo(2000), name);
            }
        }
    }

    [Test]
    public void The_halves_for_leaving_families_out_split_abuse_and_organic_families_alike_and_follow_the_seed()
    {
        var (first, second) = ScenarioLibrary.Halves(5);
        var (again, _) = ScenarioLibrary.Halves(5);
        var (other, _) = ScenarioLibrary.Halves(6);

        Assert.Multiple(() =>
        {
            Assert.That(first.Concat(second), Is.EquivalentTo(ScenarioLibrary.Names));
            Assert.That(first.Intersect(second), Is.Empty);
            Assert.That(Math.Abs(first.Count(n => !ScenarioLibrary.IsOrganic(n)) - second.Count(n => !ScenarioLibrary.IsOrganic(n))), Is.LessThanOrEqualTo(1));
            Assert.That(Math.Abs(first.Count(ScenarioLibrary.IsOrganic) - second.Count(ScenarioLibrary.IsOrganic)), Is.LessThanOrEqualTo(1));
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public void Hard_changes_what_the_family_file_says_and_keeps_the_rest()
    {
        var normal = ScenarioLibrary.Find("like_farm", ScenarioDifficulty.Default).Knobs;
        var hard = ScenarioLibrary.Find("like_farm", ScenarioDifficulty.Hard).Knobs;

        Assert.That(hard.SpreadMinutes[0], Is.GreaterThan(normal.SpreadMinutes[^1]));
        Assert.That(hard.Targets, Is.EqualTo(normal.Targets));
    }

    [Test]
    public void An_unknown_family_is_refused_by_name()
    {
        Assert.That(() => ScenarioLibrary.Select("like_farm,nope"), Throws.ArgumentException.With.Message.Contains("nope"));
    }

    [Test]
    public void A_scenario_world_writes_abuse_to_truth_and_organic_crowds_to_lookalikes_with_sibling_campaigns()
    {
        var world = GeneratedWorld.Generate(new WorldOptions { Accounts = 4_000, Seed = 11, Scenarios = ScenarioLibrary.Names });

        var truth = world.Table("truth.csv");
        var lookalikes = world.Table("lookalikes.csv");
        var pattern = truth.Column("pattern");
        var abusePatterns = truth.Rows.Select(r => r[pattern]).ToHashSet();
        var organicKinds = lookalikes.Rows.Select(r => r[lookalikes.Column("kind")]).ToHashSet();
        var likeFarms = truth.Rows.Where(r => r[pattern] == "like_farm").Select(r => r[truth.Column("campaign")]).Distinct();

        Assert.That(abusePatterns, Is.EquivalentTo(ScenarioLibrary.Select("abuse")));
        Assert.That(organicKinds, Is.SupersetOf(ScenarioLibrary.Select("organic")));
        Assert.That(likeFarms.Count(), Is.GreaterThanOrEqualTo(2));
        Assert.That(truth.Rows.Select(r => r[0]).Intersect(lookalikes.Rows.Select(r => r[0])), Is.Empty);
    }
}
