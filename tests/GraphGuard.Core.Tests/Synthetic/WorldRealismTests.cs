using GraphGuard.Core.Synthetic;
using GraphGuard.Testing;

namespace GraphGuard.Core.Tests.Synthetic;

public sealed class WorldRealismTests
{
    private static GeneratedWorld World => GeneratedWorld.Standard;

    private static List<string[]> Rows(string file) => World.Table(file).Rows;

    private static Dictionary<string, string> PatternOf =>
        Rows(WorldStreams.TruthFile).ToDictionary(r => r[0], r => r[2]);

    [Test]
    public void Every_truth_and_lookalike_account_exists_in_accounts()
    {
        var accounts = Rows(WorldStreams.AccountsFile).Select(r => r[0]).ToHashSet();
        Assert.That(Rows(WorldStreams.TruthFile).Select(r => r[0]).Where(a => !accounts.Contains(a)), Is.Empty);
        Assert.That(Rows(WorldStreams.LookalikesFile).Select(r => r[0]).Where(a => !accounts.Contains(a)), Is.Empty);
    }

    [Test]
    public void Lookalikes_are_never_abusive()
    {
        var truth = PatternOf;
        Assert.That(Rows(WorldStreams.LookalikesFile).Where(r => truth.ContainsKey(r[0])), Is.Empty);
    }

    [Test]
    public void Every_pattern_is_planted_in_several_campaigns()
    {
        var campaigns = Rows(WorldStreams.TruthFile).GroupBy(r => r[2]).ToDictionary(g => g.Key, g => g.Select(r => r[1]).Distinct().Count());
        Assert.That(campaigns.Keys, Is.EquivalentTo(InterchangeRules.Patterns));
        Assert.That(campaigns.Values, Has.All.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Every_lookalike_kind_is_present()
    {
        Assert.That(Rows(WorldStreams.LookalikesFile).Select(r => r[2]).Distinct(), Is.EquivalentTo(InterchangeRules.LookalikeKinds));
    }

    [Test]
    public void Abusive_accounts_are_one_to_three_percent_of_a_larger_world()
    {
        var world = GeneratedWorld.Generate(new WorldOptions { Accounts = 20_000, Seed = 9 });
        Assert.That(world.Summary.TruthRows / (double)world.Summary.Accounts, Is.InRange(0.01, 0.03));
    }

    [TestCase(0.3, 0.02)]
    [TestCase(0.8, 0.1)]
    public void Label_rates_are_close_to_the_options(double abusiveRate, double benignRate)
    {
        var world = abusiveRate == 0.3 && benignRate == 0.02
            ? World
            : GeneratedWorld.Generate(new WorldOptions { Accounts = 6_000, Seed = 42, AbusiveLabelRate = abusiveRate, BenignLabelRate = benignRate });
        var truth = world.Table(WorldStreams.TruthFile).Rows.Select(r => r[0]).ToHashSet();
        var labels = world.Table(WorldStreams.LabelsFile).Rows;
        int abusive = truth.Count;
        int benign = world.Table(WorldStreams.AccountsFile).Rows.Count - abusive;
        Assert.Multiple(() =>
        {
            // Four binomial standard deviations: failures mean a bug, not bad luck.
            Assert.That(labels.Count(r => r[1] == "abusive"), Is.EqualTo(abusiveRate * abusive).Within(4 * Math.Sqrt(abusive * abusiveRate * (1 - abusiveRate)) + 1));
            Assert.That(labels.Count(r => r[1] == "benign"), Is.EqualTo(benignRate * benign).Within(4 * Math.Sqrt(benign * benignRate * (1 - benignRate)) + 1));
            Assert.That(labels.Where(r => r[1] == "abusive").Select(r => r[0]), Is.SubsetOf(truth));
            Assert.That(labels.Where(r => r[1] == "benign").Select(r => r[0]).Where(truth.Contains), Is.Empty);
        });
    }

    [Test]
    public void Follower_in_degree_is_heavy_tailed()
    {
        var inDegree = Rows(WorldStreams.AccountsFile).ToDictionary(r => r[0], _ => 0);
        foreach (var e in Rows(WorldStreams.EventsFile).Where(e => e[3] == "follow"))
        {
            inDegree[e[5]]++;
        }

        var sorted = inDegree.Values.OrderBy(d => d).ToArray();
        int median = sorted[sorted.Length / 2];
        int max = sorted[^1];
        double topPercentShare = sorted[^(sorted.Length / 100)..].Sum() / (double)sorted.Sum();
        Assert.Multiple(() =>
        {
            Assert.That(max, Is.GreaterThan(50 * Math.Max(1, median)));
            Assert.That(topPercentShare, Is.GreaterThan(0.3), "the top 1% of accounts draw a large share of follows");
        });
    }

    [Test]
    public void Families_share_a_device_and_a_home_ip()
    {
        var families = Rows(WorldStreams.LookalikesFile).Where(r => r[2] == "family").GroupBy(r => r[1]).ToList();
        var used = Rows(WorldStreams.EventsFile).Where(e => e[3] is "register" or "login")
            .GroupBy(e => e[2]).ToDictionary(g => g.Key, g => g.Select(e => e[5]).ToHashSet());
        Assert.That(families, Has.Count.GreaterThan(10));
        foreach (var family in families)
        {
            var devices = family.Select(r => used[r[0]].Where(t => t.StartsWith('d')).ToHashSet())
                .Aggregate((x, y) => x.Intersect(y).ToHashSet());
            var ipUsers = family.SelectMany(r => used[r[0]].Where(t => !t.StartsWith('d'))).GroupBy(ip => ip).Max(g => g.Count());
            Assert.That(devices, Has.Count.EqualTo(1), family.Key + " shares one device");
            Assert.That(ipUsers, Is.GreaterThanOrEqualTo(2), family.Key + " shares a home IP");
        }
    }

    [Test]
    public void Campus_and_carrier_crowds_share_a_login_ip()
    {
        var logins = Rows(WorldStreams.EventsFile).Where(e => e[3] == "login" && e[4] == "ip")
            .GroupBy(e => e[2]).ToDictionary(g => g.Key, g => g.Select(e => e[5]).ToHashSet());
        foreach (var crowd in Rows(WorldStreams.LookalikesFile).Where(r => r[2] is "campus" or "carrier_nat").GroupBy(r => r[1]))
        {
            var ipCounts = crowd.SelectMany(r => logins.GetValueOrDefault(r[0], [])).GroupBy(ip => ip).Max(g => g.Count());
            Assert.That(ipCounts, Is.GreaterThan(crowd.Count() / 3), crowd.Key);
        }
    }

    [Test]
    public void Content_events_follow_the_content_they_target()
    {
        var created = Rows(WorldStreams.ContentFile).ToDictionary(r => r[0], r => r[2]);
        var wrong = Rows(WorldStreams.EventsFile)
            .Where(e => e[4] == "content" && (!created.TryGetValue(e[5], out var at) || string.CompareOrdinal(e[1], at) < 0))
            .Take(3).Select(e => string.Join(",", e));
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Nobody_acts_before_creation_or_after_the_world_ends()
    {
        var created = Rows(WorldStreams.AccountsFile).ToDictionary(r => r[0], r => r[1]);
        var wrong = Rows(WorldStreams.EventsFile)
            .Where(e => string.CompareOrdinal(e[1], created[e[2]]) < 0 || string.CompareOrdinal(e[1], "2026-11-01T00:00:00Z") >= 0)
            .Take(3).Select(e => string.Join(",", e));
        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public void Logins_follow_a_daily_rhythm_in_local_time()
    {
        var offsets = new Dictionary<string, int> { ["US"] = -6, ["IN"] = 5, ["BR"] = -3, ["ID"] = 7 };
        var offsetOf = Rows(WorldStreams.AccountsFile).Where(r => offsets.ContainsKey(r[2])).ToDictionary(r => r[0], r => offsets[r[2]]);
        var byHour = new int[24];
        foreach (var e in Rows(WorldStreams.EventsFile).Where(e => e[3] == "login" && e[4] == "ip" && offsetOf.ContainsKey(e[2])))
        {
            byHour[(InterchangeRules.Time(e[1]).Hour + offsetOf[e[2]] + 24) % 24]++;
        }

        int night = byHour[3] + byHour[4] + byHour[5];
        int evening = byHour[19] + byHour[20] + byHour[21];
        Assert.That(night, Is.LessThan(evening / 2));
    }

    [Test]
    public void Legit_text_is_mostly_distinct_and_spam_text_is_not()
    {
        var truth = PatternOf;
        var posts = Rows(WorldStreams.ContentFile).Where(r => r[0].StartsWith('p')).ToList();
        var legit = posts.Where(r => !truth.ContainsKey(r[1])).Select(r => r[3]).ToList();
        var spam = posts.Where(r => truth.GetValueOrDefault(r[1]) == "spam_ring").Select(r => Skeleton(r[3])).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(legit.Distinct().Count(), Is.GreaterThan(0.97 * legit.Count));
            Assert.That(spam.Distinct().Count(), Is.LessThan(0.5 * spam.Count), "spam shares a few templates");
        });
    }

    // Template skeleton: the text before its first number or URL.
    private static string Skeleton(string text) => new(text.TakeWhile(c => !char.IsDigit(c) && c != ':').ToArray());
}
