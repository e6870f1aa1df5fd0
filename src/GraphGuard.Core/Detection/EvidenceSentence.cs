using System.Globalization;

namespace GraphGuard.Core.Detection;

/// <summary>Renders evidence as the sentence an analyst reads, naming example entities through a lookup.</summary>
public static class EvidenceSentence
{
    /// <param name="evidence">The fact.</param>
    /// <param name="describe">Names a graph node for people, e.g. <c>device d-81f2</c>.</param>
    public static string Render(Evidence evidence, Func<int, string> describe)
    {
        var e = evidence;
        var example = e.Examples.Count > 0 ? describe(e.Examples[0]) : "one target";
        return e.Kind switch
        {
            EvidenceKind.SharedInfrastructure =>
                $"{N(e["accounts"])} accounts used {Infrastructure(e)}{Within(e["hours"])}; the busiest, {example}, served {N(e["top_accounts"])} of them",
            EvidenceKind.Lockstep =>
                $"{N(e["accounts"])} accounts acted on {N(e["targets"])} of the same targets within {N(e["window_minutes"])} minutes of each other, " +
                $"{N(e["windows"])} times; {N(e["top_accounts"])} of them acted on {example} together",
            EvidenceKind.DenseBlock =>
                $"{N(e["accounts"])} accounts and {N(e["targets"])} targets form a block of {N(e["edges"])} engagements " +
                $"(density {R(e["density"])}, {R(e["lift"])}x the graph's); {example} is among the targets",
            EvidenceKind.NearDuplicateContent =>
                $"{N(e["accounts"])} accounts posted {N(e["items"])} near-identical texts (similarity at least {R(e["similarity"])}); " +
                $"mean spam score {R(e["spam_mean"])}{ModelSpam(e)}; e.g. {example}",
            EvidenceKind.CreationBurst =>
                $"{N(e["accounts"])} accounts were registered within {R(e["hours"])} hours on {N(e["shared"])} shared devices, IPs or phones, e.g. {example}",
            EvidenceKind.CoActivity =>
                $"{N(e["accounts"])} accounts acted on the same targets within {N(e["window_minutes"])} minutes of each other ({N(e["median_shared"])} such meetings per tied pair, " +
                $"{N(e["ties"])} tied pairs); independent accounts with their activity, each target's popularity at that hour and their prior follows " +
                $"would do so with odds of 1 in 10^{N(e["log10_odds"])} per pair (bar 10^{N(e["threshold_log10"])}); {N(e["top_accounts"])} of them acted on {example} together",
            EvidenceKind.ReciprocalFollows =>
                $"{N(e["accounts"])} accounts follow each other in a block of {N(e["mutual"])} mutual follows (each at least {N(e["core"])}), " +
                $"where independent following would expect {R(e["expected"])}; e.g. {example}",
            EvidenceKind.ReciprocalEngagement =>
                $"{N(e["accounts"])} accounts like, comment on or share each other's posts in a block of {N(e["mutual"])} pairs engaging both ways (each member in at least {N(e["core"])}), " +
                $"where accounts engaging independently, as active and as popular as these, would form {R(e["expected"])}; e.g. {example}",
            EvidenceKind.Takeover =>
                $"{N(e["accounts"])} accounts, {N(e["median_age_days"])} days old (median), moved within {R(e["hours"])} hours onto {N(e["shared"])} devices or IPs " +
                $"none of them had used before, e.g. {example}; at the rate accounts take these up, {R(e["expected"])} would in that time " +
                $"(odds 1 in 10^{N(e["log10_odds"])}, bar 10^{N(e["threshold_log10"])}); after the move each acted {R(e["rate_after"])} times a day (median) " +
                $"against {R(e["rate_before"])} before, beyond its own earlier rates, and {N(e["new_targets"])} targets none of them had touched before got actions from two or more of them",
            EvidenceKind.ReusedMedia =>
                $"{N(e["accounts"])} accounts posted the same {N(e["clips"])} clips {N(e["copies"])} times with small edits (copies up to {N(e["max_bits"])} bits apart); " +
                $"accounts posting media independently, each clip as popular as it is, would share so many with odds of 1 in 10^{N(e["log10_odds"])} per pair " +
                $"(bar 10^{N(e["threshold_log10"])}); e.g. {example}",
            EvidenceKind.OrganicExplanation =>
                $"organic explanation weighed: {Explanation(e)}",
            EvidenceKind.LowTrust =>
                $"the members' mean trust from trusted accounts is {R(e["mean_trust"])}, against {R(e["population_mean"])} for all accounts",
            _ => throw new ArgumentOutOfRangeException(nameof(evidence), e.Kind, "unknown evidence kind"),
        };
    }

    private static string ModelSpam(Evidence e) =>
        e.Numbers.ContainsKey("model_spam_mean") ? $", {R(e["model_spam_mean"])} by our own spam model" : "";

    private static string Explanation(Evidence e) => (int)e["reason"] switch
    {
        1 => "the accounts were registered together on shared addresses but no other signal ties them since, as pupils of one school signing up are; score halved",
        2 => "the accounts share addresses but no devices and nothing else ties them, as a household or a carrier's NAT does; score halved",
        3 => "each account posted the shared text about once and nothing else ties them, as a crowd sharing the same news or entering a contest does; score halved",
        _ => "only one kind of signal ties the accounts, and it has no null model of its own; score halved",
    };

    private static string Infrastructure(Evidence e)
    {
        var parts = new List<string>();
        Add("device", "devices", e["devices"]);
        Add("IP", "IPs", e["ips"]);
        Add("phone", "phones", e["phones"]);
        Add("payment instrument", "payment instruments", e["payments"]);
        return parts.Count == 0 ? "shared infrastructure" : string.Join(", ", parts);

        void Add(string one, string many, double count)
        {
            if (count > 0)
            {
                parts.Add($"{N(count)} {(count == 1 ? one : many)}");
            }
        }
    }

    // Over a few days "within" stops meaning together; the span is then left out of the sentence.
    private static string Within(double hours) => hours is > 0 and <= 72 ? $" within {R(hours)} hours" : "";

    private static string N(double value) => ((long)Math.Round(value)).ToString("N0", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString(value >= 10 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
