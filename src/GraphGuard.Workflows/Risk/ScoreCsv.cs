using System.Globalization;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Detection;
using GraphGuard.Workflows.Export;

namespace GraphGuard.Workflows.Risk;

/// <summary><c>score --out FILE</c>: every scored account of a window as <c>account_id,probability,margin,reasons</c>, riskiest first.</summary>
public static class ScoreCsv
{
    public const string Header = "account_id,probability,margin,reasons";

    /// <param name="path">The file to write.</param>
    /// <param name="ranked">The scores, riskiest first.</param>
    /// <param name="nodes">Each score row's node in the snapshot.</param>
    /// <param name="names">External ids of (at least) every scored node.</param>
    /// <param name="ct">Cancellation.</param>
    public static Task WriteAsync(string path, IReadOnlyList<RiskScore> ranked, int[] nodes, EntityNames names, CancellationToken ct = default) =>
        AtomicFile.WriteAsync(path, async writer =>
        {
            await writer.WriteLineAsync(Header).ConfigureAwait(false);
            foreach (var s in ranked)
            {
                var reasons = string.Join("; ", s.Reasons.Select(r => r.Text)).Replace("\"", "\"\"", StringComparison.Ordinal);
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{names.ExternalId(nodes[s.Row])},{s.Probability:0.#####},{s.Margin:0.#####},\"{reasons}\"").AsMemory(), ct).ConfigureAwait(false);
            }
            return ranked.Count;
        });
}
