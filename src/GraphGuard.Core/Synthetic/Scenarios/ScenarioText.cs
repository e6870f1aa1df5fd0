using System.Text;

namespace GraphGuard.Core.Synthetic.Scenarios;

/// <summary>
/// Text of scenario campaigns in four styles: <c>exact</c> (one text per campaign), <c>templated</c>
/// (the campaign's two templates with random slots), <c>synonyms</c> (templated, then words swapped for
/// synonyms) and <c>translated</c> (templated, then articles dropped and words put out of order, as
/// machine translation leaves it). Each campaign draws its templates from its own key, so siblings differ.
/// </summary>
internal sealed class ScenarioText(WorldRandom random)
{
    private static readonly Dictionary<string, string[]> Templates = new(StringComparer.Ordinal)
    {
        ["promo"] =
        [
            "check out {url} for the best deals today {emoji}", "i made {n} dollars this week with this app {url}",
            "free followers and real likes at {url} {emoji}", "limited offer, only {n} spots left {url}",
            "this changed my life honestly, look at {url}", "get verified fast and easy {url} {emoji}",
            "the secret nobody tells you is here {url}", "you will not believe this price {url} {emoji}",
        ],
        ["hostile"] =
        [
            "you are a complete {insult} and everyone knows it", "nobody wants to see this {insult}, delete your account",
            "report this {insult} right now", "what a pathetic {insult}, just quit already {emoji}",
            "imagine being this much of a {insult}", "go away {insult}, you ruin this app",
            "everyone unfollow this {insult} today", "worst {insult} on this whole platform {emoji}",
        ],
        ["cheer"] =
        [
            "so proud of you, this is amazing {emoji}", "love this so much, keep going {emoji}", "wow this is your best one yet",
            "incredible work as always {emoji}", "this made my whole day {emoji}", "obsessed with this, so good",
            "you never miss, absolutely great {emoji}", "yes yes yes, more of this please",
        ],
        ["giveaway"] =
        [
            "entered! good luck everyone @{name} @{name}", "i want to win this so much @{name} {emoji}",
            "done, followed and commented, tagging @{name}", "please pick me {emoji} @{name}",
        ],
        ["news"] =
        [
            "breaking: this is big news {url}", "everyone needs to read this {url}", "wow, did you see this {url}",
            "this just happened {url} {emoji}", "important update here {url}", "can not believe this news {url}",
        ],
    };

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["best"] = "greatest",
        ["deals"] = "offers",
        ["today"] = "now",
        ["free"] = "gratis",
        ["real"] = "genuine",
        ["fast"] = "quickly",
        ["easy"] = "simple",
        ["secret"] = "trick",
        ["price"] = "cost",
        ["complete"] = "total",
        ["everyone"] = "all people",
        ["delete"] = "remove",
        ["pathetic"] = "sad",
        ["quit"] = "stop",
        ["worst"] = "most awful",
        ["amazing"] = "awesome",
        ["love"] = "adore",
        ["great"] = "excellent",
        ["incredible"] = "unbelievable",
        ["news"] = "story",
        ["read"] = "see",
        ["big"] = "huge",
        ["look"] = "see",
        ["made"] = "earned",
        ["week"] = "seven days",
        ["wants"] = "wishes",
        ["ruin"] = "destroy",
        ["platform"] = "site",
        ["whole"] = "entire",
        ["important"] = "key",
    };

    private static readonly string[] Insults = ["clown", "fraud", "loser", "joke", "fake", "hack"];
    private static readonly string[] Emoji = ["🔥", "😍", "😂", "✨", "🙌", "💯", "👀", "🎉"];
    private static readonly string[] Names = ["anna", "leo", "mia", "sam", "noah", "zoe", "max", "ivy", "kai", "lea"];
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal) { "a", "an", "the", "is", "are", "of", "this" };

    /// <summary>A text in the campaign's style, carrying <paramref name="url"/> where its template has one.</summary>
    public byte[] Compose(Campaign campaign, string? url)
    {
        var knobs = campaign.Scenario!.Knobs;
        var bank = Templates[knobs.TextKind];
        ulong h = StableHash.Mix(campaign.Key, 0x7E47);
        bool exact = knobs.Text == "exact";
        var template = bank[(int)((exact || random.Chance(0.5) ? h : h >> 17) % (ulong)bank.Length)];
        // Exact copies fill their slots from the campaign's key, so every member writes the same words.
        var slots = exact ? new WorldRandom(campaign.Key, 0x510) : random;
        var text = template
            .Replace("{url}", url ?? "", StringComparison.Ordinal)
            .Replace("{n}", (slots.Between(2, 50) * 10).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{emoji}", slots.Pick(Emoji), StringComparison.Ordinal)
            .Replace("{insult}", slots.Pick(Insults), StringComparison.Ordinal);
        while (text.Contains("{name}", StringComparison.Ordinal))
        {
            var at = text.IndexOf("{name}", StringComparison.Ordinal);
            text = string.Concat(text.AsSpan(0, at), random.Pick(Names), random.Between(1, 999).ToString(System.Globalization.CultureInfo.InvariantCulture), text.AsSpan(at + 6));
        }
        text = knobs.Text switch
        {
            "synonyms" => Reword(text),
            "translated" => Translate(text),
            _ => text,
        };
        return Encoding.UTF8.GetBytes(text);
    }

    private string Reword(string text) =>
        string.Join(' ', text.Split(' ').Select(w => Synonyms.TryGetValue(w.TrimEnd(','), out var s) && random.Chance(0.5) ? s : w));

    private string Translate(string text)
    {
        var words = text.Split(' ').Where(w => !Articles.Contains(w) || random.Chance(0.3)).ToArray();
        for (int i = 0; i + 1 < words.Length; i++)
        {
            if (!words[i].StartsWith("http", StringComparison.Ordinal) && !words[i + 1].StartsWith("http", StringComparison.Ordinal) && random.Chance(0.25))
            {
                (words[i], words[i + 1]) = (words[i + 1], words[i]);
            }
        }
        return string.Join(' ', words);
    }
}
