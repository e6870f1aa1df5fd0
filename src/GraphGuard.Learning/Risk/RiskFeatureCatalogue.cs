using System.Globalization;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// What each risk feature means, as a sentence about one account with the feature's value in it
/// (<c>infra_cluster_size</c> = 44 → "shares devices/IPs with 44 accounts in a cluster"). Families of
/// features follow their name's pattern (<c>out_like</c>, <c>content_spam_max</c>); a name the catalogue
/// does not know reads as "name is value". Embedding dimensions have no meaning one by one: they form
/// one reason together (<see cref="ReasonKey"/>).
/// </summary>
public static class RiskFeatureCatalogue
{
    /// <summary>Prefix of the GraphSAGE embedding columns: <c>sage_0</c>, <c>sage_1</c>, ...</summary>
    public const string EmbeddingPrefix = "sage_";

    /// <summary>Prefix of account profile fields (<c>f_*</c> columns of accounts.csv).</summary>
    public const string ProfilePrefix = "profile_";

    /// <summary>The reason that the embedding dimensions form together.</summary>
    public const string EmbeddingReason = "sage_embedding";

    private static readonly Dictionary<string, string> Sentences = new(StringComparer.Ordinal)
    {
        // Shared infrastructure, lockstep and creation bursts (GraphGuard.Core.Detection).
        ["infra_cluster_size"] = "shares devices/IPs with {0} accounts in a cluster",
        ["infra_strong_ties"] = "shares two or more devices, IPs, phones or payment instruments with {0} accounts",
        ["infra_max_shared"] = "shares {0} devices/IPs with one other account",
        ["infra_accounts_per_entity"] = "its shared devices/IPs serve {0} accounts each",
        ["lockstep_ties"] = "acted in step with {0} accounts",
        ["lockstep_max_shared_targets"] = "acted in step with other accounts on {0} targets",
        ["lockstep_cluster_size"] = "acts in lockstep within a group of {0} accounts",
        ["burst_cluster_size"] = "was registered in a burst with {0} accounts on shared devices/IPs",
        ["trust"] = "receives trust {0} from established accounts",
        ["cluster_score"] = "belongs to a coordinated cluster scored {0}",
        ["cluster_size"] = "belongs to a flagged cluster of {0} accounts",
        ["cluster_detectors"] = "its cluster was flagged by {0} detectors",
        ["dup_group_accounts"] = "posts near-duplicate text with {0} accounts",
        ["dup_items_share"] = "{0} of its posts are near-duplicates of others'",
        ["dense_block_density"] = "engages inside a dense block of accounts and targets (density {0})",
        ["dense_block_lift"] = "engages inside a block {0} times denser than chance",
        ["co_activity_surprise"] = "co-acts with another account {0} times past the bar of chance (null of independent behaviour)",
        ["reciprocal_block_size"] = "follows and is followed back inside a block of {0} accounts",
        ["reciprocal_engagement_block_size"] = "engages and is engaged back inside a block of {0} accounts",

        // Labels of the account's neighbours (NeighborLabelFeatures), one pair per relation of RiskRelations.
        ["abusive_neighbors_infrastructure"] = "shares devices/IPs with {0} accounts labeled abusive",
        ["abusive_neighbors_engagement"] = "engaged with the same posts as {0} accounts labeled abusive",
        ["abusive_neighbors_follows"] = "follows or is followed by {0} accounts labeled abusive",
        ["benign_neighbors_infrastructure"] = "shares devices/IPs with {0} accounts labeled benign",
        ["benign_neighbors_engagement"] = "engaged with the same posts as {0} accounts labeled benign",
        ["benign_neighbors_follows"] = "follows or is followed by {0} accounts labeled benign",

        // Activity (GraphGuard.Core.Features.ActivityFeatures).
        ["out_degree"] = "made {0} actions in the window",
        ["in_degree"] = "received {0} actions in the window",
        ["followers"] = "has {0} followers",
        ["in_out_ratio"] = "receives {0} actions per action it makes",
        ["distinct_devices"] = "used {0} devices",
        ["distinct_ips"] = "used {0} IPs",
        ["active_days"] = "was active on {0} days",
        ["account_age_days"] = "is {0} days old",

        // Shared context and structure (SharedContextFeatures, StructureFeatures, RankingFeatures).
        ["shared_context_ties"] = "shares devices, IPs or engaged posts with {0} accounts",
        ["shared_context_strength"] = "has shared-context ties weighing {0} in all",
        ["shared_context_max_tie"] = "has a shared-context tie weighing {0}",
        ["component_size"] = "is connected by shared context to {0} accounts",
        ["core_number"] = "sits in a {0}-core of accounts sharing context",
        ["triangles"] = "closes {0} triangles with accounts it shares context with",
        ["clustering"] = "the accounts it shares context with share it among themselves (clustering {0})",
        ["lpa_community_size"] = "belongs to a label-propagation community of {0} accounts",
        ["community_size"] = "belongs to a community of {0} accounts",
        ["community_density"] = "belongs to a community of density {0}",
        ["pagerank"] = "has follow-graph PageRank {0} (1 = average)",
        ["max_jaccard"] = "shares {0} of its contacts with its closest peer (Jaccard)",
        ["mean_top_jaccard"] = "shares {0} of its contacts with its five closest peers (mean Jaccard)",
        ["max_adamic_adar"] = "has a peer with Adamic-Adar similarity {0}",
        ["similar_candidates"] = "has {0} accounts two steps away in shared context",
    };

    // Families by prefix and suffix; {1} is the part of the name between them.
    private static readonly (string Prefix, string Suffix, string Sentence)[] Families =
    [
        ("abusive_neighbors_", "", "is tied by {1} to {0} accounts labeled abusive"),
        ("benign_neighbors_", "", "is tied by {1} to {0} accounts labeled benign"),
        ("content_", "_flagged_share", "{0} of its posts were flagged {1}"),
        ("content_", "_mean", "its posts score {0} for {1} on average"),
        ("content_", "_max", "its posts score up to {0} for {1}"),
        ("out_to_", "", "acted {0} times on {1}s"),
        ("out_", "", "made {0} {1}s"),
        (ProfilePrefix, "", "has profile field {1} = {0}"),
    ];

    // Shares are printed as percentages.
    private static readonly HashSet<string> Percentages = new(StringComparer.Ordinal) { "dup_items_share" };

    /// <summary>
    /// The reason a feature's contribution counts toward: its own name, or <see cref="EmbeddingReason"/> for
    /// every embedding dimension.
    /// </summary>
    public static string ReasonKey(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return feature.StartsWith(EmbeddingPrefix, StringComparison.Ordinal) ? EmbeddingReason : feature;
    }

    /// <summary>A sentence about an account whose feature has this value (NaN: the feature is missing).</summary>
    public static string Describe(string feature, float value)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (ReasonKey(feature) == EmbeddingReason)
        {
            return "its neighbourhood in the account graph resembles that of abusive accounts (GraphSAGE embedding)";
        }
        if (float.IsNaN(value))
        {
            return $"has no value for {feature}";
        }
        var shown = Percentages.Contains(feature) || feature.EndsWith("_flagged_share", StringComparison.Ordinal)
            ? (100 * value).ToString("0", CultureInfo.InvariantCulture) + "%"
            : Format(value);
        if (Sentences.TryGetValue(feature, out var sentence))
        {
            return string.Format(CultureInfo.InvariantCulture, sentence, shown);
        }
        foreach (var (prefix, suffix, template) in Families)
        {
            if (feature.Length > prefix.Length + suffix.Length && feature.StartsWith(prefix, StringComparison.Ordinal) && feature.EndsWith(suffix, StringComparison.Ordinal))
            {
                var middle = feature[prefix.Length..^suffix.Length].Replace('_', ' ');
                return string.Format(CultureInfo.InvariantCulture, template, shown, middle);
            }
        }
        return $"has {feature} = {shown}";
    }

    /// <summary>Whether the catalogue has a sentence of its own for the feature (not the generic fallback).</summary>
    public static bool Knows(string feature) =>
        ReasonKey(feature) == EmbeddingReason || !Describe(feature, 0).StartsWith($"has {feature} = ", StringComparison.Ordinal);

    /// <summary>Whole numbers without decimals, others with up to three significant digits.</summary>
    public static string Format(float value)
    {
        if (float.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }
        if (value == MathF.Round(value) && MathF.Abs(value) < 1e9f)
        {
            return ((long)value).ToString("N0", CultureInfo.InvariantCulture);
        }
        return MathF.Abs(value) >= 100
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("G3", CultureInfo.InvariantCulture);
    }
}
