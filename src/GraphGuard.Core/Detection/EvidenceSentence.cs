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
                $"mean spam score {R(e["spam_mean"])}; e.g. {example}",
            EvidenceKind.CreationBurst =>
                $"{N(e["accounts"])} accounts were registered within {R(e["hours"])} hours on {N(e["shared"])} shared devices, IPs or phones, e.g. {example}",
            EvidenceKind.LowTrust =>
                $"the members' mean trust from trusted accounts is {R(e["mean_trust"])}, against {R(e["population_mean"])} for all accounts",
            _ => throw new ArgumentOutOfRangeException(nameof(evidence), e.Kind, "unknown evidence kind"),
        };
    }

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
