using System.Text;

namespace GraphGuard.Core.Synthetic;

/// <summary>Word banks for captions and comments, kept as UTF-8 so composing text never encodes.</summary>
internal static class Vocabulary
{
    public static byte[][][] Topics { get; } =
    [
        Words("recipe pasta garlic oven spicy noodles bake dinner brunch ramen tacos dessert sauce crispy"),
        Words("gameplay boss speedrun ranked loot controller stream clutch squad lobby patch glitch respawn combo"),
        Words("workout squat cardio protein gains stretch deadlift mobility run yoga core sweat rest sets"),
        Words("travel beach sunset hike island passport hostel roadtrip mountains lake market temple ferry view"),
        Words("song cover guitar beat remix vocals piano chorus studio drums lyrics acoustic mixtape concert"),
        Words("dance choreo routine trend moves freestyle tutorial spin groove step duet stage rehearsal shuffle"),
        Words("puppy kitten rescue vet leash treats paws zoomies nap adopt cat dog bath fetch"),
        Words("outfit thrift denim sneakers haul styling vintage jacket lookbook streetwear accessories fit closet"),
        Words("setup keyboard laptop coding review unboxing gadget build monitor battery update benchmark chip"),
        Words("skit prank comedy joke roast parody sketch bit punchline impression standup blooper meme"),
        Words("makeup skincare lipstick routine glow serum lashes contour blush palette foundation glam spf"),
        Words("goal match league striker keeper derby highlights training transfer penalty dribble trophy fans"),
        Words("diy woodworking paint restore drill shelf craft tools sanding upcycle project workshop glue"),
        Words("sketch painting canvas watercolor portrait ink doodle gallery mural brush charcoal digital commission"),
        Words("book reading novel chapter library fantasy thriller review shelf author poetry bookclub annotate"),
        Words("garden seedlings tomato compost harvest soil bloom succulent greenhouse pruning basil orchard bulbs"),
    ];

    public static byte[][] General { get; } =
        Words("today finally love this new first best little really great week morning night trying weekend " +
              "favorite quick easy cozy happy crazy huge tiny part day time vibes always never still back");

    public static byte[][] Fillers { get; } = Words("the my so and with for just a this our");

    public static byte[][] Syllables { get; } =
        Words("ka lo mi zu ra ne to vi sha po ri den mar lin tor bel qua fen dro sol");

    public static byte[][] Emoji { get; } = Words("🔥 😍 😂 ✨ 🙌 💯 ❤️ 👀 🎉 🥹");

    public static byte[][] ShortComments { get; } = Lines(
        "nice!|love this|so good|wow|haha|🔥🔥🔥|need this|where is this?|omg|same|this is amazing|" +
        "wow, just wow|can't stop watching|first!|goals|so cute|part 2 please|saving this|legend|😂😂");

    public static byte[][] SpamTemplates { get; } = Lines(
        "#E #V $#N a day from home, no experience needed #U|free followers and likes here #E #U|" +
        "you can #V $#N this week with this app #U #E|limited giveaway #E claim your #P now at #U|" +
        "dm me or visit #U to #V $#N fast #E|crypto signals that #V #N% daily #E #U|" +
        "get verified today, only #N spots left #U|my secret to #V $#N monthly is here #U #E");

    public static byte[][] SpamVerbs { get; } = Words("earn make get win");

    public static byte[][] Prizes { get; } = Lines("iphone|gift card|airpods|ps5|$1000 voucher");

    public static byte[][] SpamTags { get; } = Words("#giveaway #free #money #crypto #followback #win #rich");

    public static byte[][] HostileTemplates { get; } = Lines(
        "#A you are such a #B|nobody asked for this #B|delete your account #B|#A this is pathetic|" +
        "unfollow this #B now|everyone report this #B|you should be ashamed #B|worst creator on this app #E|" +
        "#A imagine being this much of a #B|go away #B #E");

    public static byte[][] HostileOpeners { get; } = Words("lol lmao ugh wow omg bruh");

    public static byte[][] Insults { get; } = Words("clown fraud loser joke fake hack");

    public static byte[][] HostileEmoji { get; } = Words("🤡 😂 🤮 👎 💀");

    public static byte[][] ShortenerHosts { get; } = Lines("https://bit.ly/|https://tinyurl.com/|https://t.co/");

    public static byte[][] TopLevelDomains { get; } = Words(".xyz .top .click .shop .info .live");

    public static byte[][] LegitUrlPrefixes { get; } = Lines(
        "https://www.youtube.com/watch?v=|https://open.spotify.com/track/|https://www.amazon.com/dp/|" +
        "https://en.wikipedia.org/wiki/|https://www.etsy.com/listing/|https://github.com/");

    private static byte[][] Words(string words) =>
        words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Encoding.UTF8.GetBytes).ToArray();

    private static byte[][] Lines(string lines) => lines.Split('|').Select(Encoding.UTF8.GetBytes).ToArray();
}
