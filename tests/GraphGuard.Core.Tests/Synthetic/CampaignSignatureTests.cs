using GraphGuard.Core.Synthetic;
using GraphGuard.Testing;

namespace GraphGuard.Core.Tests.Synthetic;

/// <summary>Each planted pattern carries the signature its name promises.</summary>
public sealed class CampaignSignatureTests
{
    private static GeneratedWorld World => GeneratedWorld.Standard;

    private static List<string[]> Rows(string file) => World.Table(file).Rows;

    private static IEnumerable<IGrouping<string, string>> Campaigns(string pattern) =>
        Rows(WorldStreams.TruthFile).Where(r => r[2] == pattern).GroupBy(r => r[1], r => r[0]);

    private static ILookup<string, string[]> EventsByActor => EventsLookup.Value;

    private static readonly Lazy<ILookup<string, string[]>> EventsLookup =
        new(() => Rows(WorldStreams.EventsFile).ToLookup(e => e[2]));

    [Test]
    public void Bot_farms_register_within_hours_on_a_few_emulators_and_datacenter_ips()
    {
        foreach (var campaign in Campaigns("bot_farm"))
        {
            var registrations = campaign.SelectMany(a => EventsByActor[a]).Where(e => e[3] == "register").ToList();
            var times = registrations.Select(e => InterchangeRules.Time(e[1])).ToList();
            Assert.That(times.Max() - times.Min(), Is.LessThanOrEqualTo(TimeSpan.FromHours(8)), campaign.Key);
            Assert.That(registrations.Where(e => e[4] == "device").Select(e => e[5]).Distinct().Count(), Is.LessThanOrEqualTo(6));
            Assert.That(registrations.Where(e => e[4] == "ip").Select(e => e[5]).Distinct().Count(), Is.LessThan(campaign.Count()));
        }
    }

    [Test]
    public void Engagement_farms_follow_customers_in_lockstep_and_customers_pay()
    {
        var truth = Rows(WorldStreams.TruthFile).Select(r => r[0]).ToHashSet();
        var buyers = Rows(WorldStreams.EventsFile).Where(e => e[3] == "purchase").Select(e => e[2]).ToHashSet();
        Assert.That(buyers, Is.Not.Empty);
        Assert.That(buyers.Where(truth.Contains), Is.Empty, "customers stay out of truth");
        foreach (var campaign in Campaigns("engagement_farm"))
        {
            var follows = campaign.SelectMany(a => EventsByActor[a]).Where(e => e[3] == "follow" && buyers.Contains(e[5]));
            int lockstepOrders = follows.GroupBy(e => e[5]).Count(g =>
            {
                var times = g.Select(e => InterchangeRules.Time(e[1])).Order().ToList();
                return g.Count() >= campaign.Count() / 2 && times[g.Count() / 2] - times[0] < TimeSpan.FromMinutes(30);
            });
            Assert.That(lockstepOrders, Is.GreaterThanOrEqualTo(5), campaign.Key);
        }
    }

    [Test]
    public void Spam_rings_post_links_that_the_classifier_only_partly_catches()
    {
        var spamScore = Rows(WorldStreams.ContentSignalsFile).Where(r => r[1] == "spam")
            .ToDictionary(r => r[0], r => double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture));
        var truth = Rows(WorldStreams.TruthFile).ToDictionary(r => r[0], r => r[2]);
        var posts = Rows(WorldStreams.ContentFile).Where(r => r[0].StartsWith('p')).ToList();
        var ringPosts = posts.Where(r => truth.GetValueOrDefault(r[1]) == "spam_ring" && r[3].Contains("https://")).ToList();
        var legitPosts = posts.Where(r => !truth.ContainsKey(r[1])).ToList();
        double caught = ringPosts.Count(r => spamScore[r[0]] > 0.8) / (double)ringPosts.Count;
        double falseAlarms = legitPosts.Count(r => spamScore[r[0]] > 0.8) / (double)legitPosts.Count;
        Assert.Multiple(() =>
        {
            Assert.That(ringPosts, Has.Count.GreaterThan(30));
            Assert.That(caught, Is.InRange(0.25, 0.55));
            Assert.That(falseAlarms, Is.LessThan(0.02));
        });
    }

    [Test]
    public void Spam_rings_verify_through_a_few_shared_phones()
    {
        foreach (var campaign in Campaigns("spam_ring"))
        {
            var phones = campaign.SelectMany(a => EventsByActor[a]).Where(e => e[3] == "verify").Select(e => e[5]).ToList();
            Assert.That(phones.GroupBy(p => p).Max(g => g.Count()), Is.GreaterThan(1), campaign.Key);
        }
    }

    [Test]
    public void Brigades_pile_hostile_comments_onto_the_same_post_within_minutes()
    {
        var toxicity = Rows(WorldStreams.ContentSignalsFile).Where(r => r[1] == "toxicity")
            .ToDictionary(r => r[0], r => double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture));
        foreach (var campaign in Campaigns("comment_brigade"))
        {
            var comments = campaign.SelectMany(a => EventsByActor[a]).Where(e => e[3] == "comment").ToList();
            var biggestPileOn = comments.GroupBy(e => e[5]).MaxBy(g => g.Count())!;
            var times = biggestPileOn.Select(e => InterchangeRules.Time(e[1])).Order().ToList();
            Assert.That(biggestPileOn.Count(), Is.GreaterThanOrEqualTo(campaign.Count() / 2), campaign.Key);
            Assert.That(times[times.Count / 2] - times[0], Is.LessThan(TimeSpan.FromMinutes(30)), campaign.Key);
        }

        var members = Campaigns("comment_brigade").SelectMany(g => g).ToHashSet();
        var brigadeComments = Rows(WorldStreams.ContentFile).Where(r => r[0].StartsWith('m') && members.Contains(r[1])).Select(r => toxicity[r[0]]).ToList();
        var legitComments = Rows(WorldStreams.ContentFile).Where(r => r[0].StartsWith('m') && !members.Contains(r[1])).Select(r => toxicity[r[0]]).ToList();
        Assert.That(brigadeComments.Average(), Is.GreaterThan(2 * legitComments.Average()));
    }

    [Test]
    public void Sleepers_wake_together_through_shared_ips()
    {
        foreach (var campaign in Campaigns("sleeper"))
        {
            var created = Rows(WorldStreams.AccountsFile).Where(r => campaign.Contains(r[0])).Select(r => InterchangeRules.Time(r[1])).ToList();
            var follows = campaign.SelectMany(a => EventsByActor[a]).Where(e => e[3] == "follow").GroupBy(e => e[5]).MaxBy(g => g.Count())!;
            var times = follows.Select(e => InterchangeRules.Time(e[1])).Order().ToList();
            var loginIps = campaign.SelectMany(a => EventsByActor[a]).Where(e => e[3] == "login" && e[4] == "ip").Select(e => e[5]);
            Assert.Multiple(() =>
            {
                Assert.That(follows.Count(), Is.GreaterThanOrEqualTo(campaign.Count() * 3 / 4), campaign.Key);
                Assert.That(times[^1] - times[0], Is.LessThan(TimeSpan.FromHours(6)), campaign.Key);
                Assert.That(times[0] - created.Max(), Is.GreaterThan(TimeSpan.FromDays(60)), "created months earlier");
                Assert.That(loginIps.GroupBy(ip => ip).Max(g => g.Count()), Is.GreaterThanOrEqualTo(campaign.Count() / 4));
            });
        }
    }
}
