using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GraphGuard.Core.Domain;

namespace GraphGuard.Core.Tests.Synthetic;

/// <summary>Format v1.1 as the tests read it, written from the spec rather than from the generator.</summary>
internal static partial class InterchangeRules
{
    public static readonly string[] Patterns = ["bot_farm", "engagement_farm", "spam_ring", "comment_brigade", "sleeper"];
    public static readonly string[] LookalikeKinds = ["family", "campus", "carrier_nat", "viral_fans"];

    public static readonly Dictionary<string, string[]> Headers = new()
    {
        ["accounts.csv"] = ["account_id", "created_at", "country", "f_bio_length", "f_profile_photo", "f_verified_email", "f_display_name_digits"],
        ["events.csv"] = ["event_id", "ts", "actor", "action", "target_type", "target"],
        ["content.csv"] = ["content_id", "author", "created_at", "text", "media_hash"],
        ["content_signals.csv"] = ["content_id", "signal", "score", "model", "ts"],
        ["labels.csv"] = ["account_id", "label", "source", "ts"],
        ["content_labels.csv"] = ["content_id", "label", "source", "ts"],
        ["truth.csv"] = ["account_id", "campaign", "pattern"],
        ["lookalikes.csv"] = ["account_id", "group", "kind"],
    };

    public static bool IsWellFormed(string file, string[] row)
    {
        if (row.Length != Headers[file].Length)
        {
            return false;
        }

        return file switch
        {
            "accounts.csv" => IsId(row[0]) && IsTimestamp(row[1]) && row[2].Length == 2 && row[3..].All(f => double.TryParse(f, CultureInfo.InvariantCulture, out _)),
            "events.csv" => IsId(row[0]) && IsTimestamp(row[1]) && IsId(row[2]) && ActionWord().IsMatch(row[3])
                            && EntityKinds.TryParse(row[4], out _) && IsId(row[5]),
            "content.csv" => IsId(row[0]) && IsId(row[1]) && IsTimestamp(row[2]) && (row[4].Length == 0 || MediaHash().IsMatch(row[4])),
            "content_signals.csv" => IsId(row[0]) && row[1].Length > 0 && IsScore(row[2]) && row[3].Length > 0 && IsTimestamp(row[4]),
            "labels.csv" => IsId(row[0]) && row[1] is "abusive" or "benign" && row[2].Length > 0 && IsTimestamp(row[3]),
            "content_labels.csv" => IsId(row[0]) && row[1] is "ok" or "spam" or "harassment" && row[2].Length > 0 && IsTimestamp(row[3]),
            "truth.csv" => IsId(row[0]) && row[1].StartsWith(row[2] + "-", StringComparison.Ordinal) && Patterns.Contains(row[2]),
            "lookalikes.csv" => IsId(row[0]) && row[1].Length > 0 && LookalikeKinds.Contains(row[2]),
            _ => throw new ArgumentOutOfRangeException(nameof(file), file, "not a v1 file"),
        };
    }

    public static bool IsId(string id) => id.Length > 0 && Encoding.UTF8.GetByteCount(id) <= 256;

    public static bool IsTimestamp(string value) =>
        value.Length == 20 && DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);

    public static DateTime Time(string value) => DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'",
        CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static bool IsScore(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double score) && score is >= 0 and <= 1;

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex MediaHash();

    [GeneratedRegex("^[a-z_]{1,32}$")]
    private static partial Regex ActionWord();
}
