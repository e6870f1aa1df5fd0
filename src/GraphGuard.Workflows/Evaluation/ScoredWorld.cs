using GraphGuard.Core.Detection;
using GraphGuard.Storage.Detection;
using Npgsql;

namespace GraphGuard.Workflows.Evaluation;

/// <summary>
/// A generated world's truth beside one detection pass over it: scores any choice among the pass's
/// candidate clusters, so thresholds can be decided again without detecting again.
/// </summary>
public sealed class ScoredWorld
{
    private readonly Dictionary<string, (string Campaign, string Pattern)> _truth;
    private readonly Dictionary<string, string> _lookalikes;
    private readonly Dictionary<int, string> _externalIds;

    private ScoredWorld(Dictionary<string, (string, string)> truth, Dictionary<string, string> lookalikes, Dictionary<int, string> externalIds) =>
        (_truth, _lookalikes, _externalIds) = (truth, lookalikes, externalIds);

    /// <summary>Reads a world folder's truth.csv and lookalikes.csv (before detecting, so a folder without them fails at once).</summary>
    public static (Dictionary<string, (string Campaign, string Pattern)> Truth, Dictionary<string, string> Lookalikes) ReadTruth(string dir) =>
        (GroundTruth.ReadTruth(Path.Combine(dir, "truth.csv")), GroundTruth.ReadLookalikes(Path.Combine(dir, "lookalikes.csv")));

    /// <summary>Joins the truth to a detection pass: the external ids of every candidate member.</summary>
    public static async Task<ScoredWorld> LoadAsync(
        NpgsqlDataSource dataSource, (Dictionary<string, (string Campaign, string Pattern)> Truth, Dictionary<string, string> Lookalikes) world,
        DetectionReport report, CancellationToken ct = default)
    {
        var (truth, lookalikes) = world;
        var members = report.Candidates.SelectMany(c => c.Members).Distinct().ToList();
        var names = await EntityNames.LoadAsync(dataSource, members.Select(a => report.Features.AccountIds[a]), ct).ConfigureAwait(false);
        return new ScoredWorld(truth, lookalikes, members.ToDictionary(a => a, a => names.ExternalId(report.Features.AccountIds[a])));
    }

    /// <summary>Scores flagged clusters, given as account indices of the detection pass.</summary>
    public DetectionScorecard Score(IReadOnlyList<int[]> clusters) =>
        DetectionEvaluation.Score([.. clusters.Select(c => (IReadOnlyList<string>)[.. c.Select(a => _externalIds[a])])], _truth, _lookalikes);
}
