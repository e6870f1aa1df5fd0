using GraphGuard.Core.Drift;
using GraphGuard.Storage.Drift;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Keeps the distribution of every model input and of the scores for this run, and measures each one's population
/// stability index against the reference run's (<see cref="DriftStore.ReferenceRunAsync"/>), with the clusters' count
/// and size against the reference's and how many labels arrived since; into <c>drift_profiles</c>, <c>drift_runs</c>
/// and <c>drift_measures</c>.
/// </summary>
internal sealed class DriftStage(RunCache cache) : IPipelineStage
{
    /// <summary>The variable name of the score distribution.</summary>
    public const string Score = "score";

    public string Name => "drift";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var db = context.DataSource;
        var input = await cache.RiskInputAsync(context, ct).ConfigureAwait(false);
        var features = input.Features;
        context.Progress.Report($"profiling {features.ColumnCount} inputs and the scores");
        var columns = new Dictionary<string, float[]>(features.ColumnCount + 1);
        for (var c = 0; c < features.ColumnCount; c++)
        {
            var column = new float[features.RowCount];
            for (var r = 0; r < features.RowCount; r++)
            {
                column[r] = features.Values[(r * features.ColumnCount) + c];
            }
            columns[features.Names[c]] = column;
        }
        columns[Score] = await DriftStore.ScoresAsync(db, context.RunId, ct).ConfigureAwait(false);
        await DriftStore.ReplaceProfilesAsync(db, context.RunId, columns.ToDictionary(c => c.Key, c => DistributionProfile.Of(c.Value)), ct).ConfigureAwait(false);

        var reference = await DriftStore.ReferenceRunAsync(db, context.RunId, ct).ConfigureAwait(false);
        var profiles = reference is { } r0 ? await DriftStore.ProfilesAsync(db, r0, ct).ConfigureAwait(false) : [];
        var referenceRows = profiles.TryGetValue(Score, out var scoreProfile) ? scoreProfile.Rows : (int?)null;
        var measures = columns.Where(c => profiles.ContainsKey(c.Key))
            .Select(c => (Variable: c.Key, Psi: PopulationStability.Index(profiles[c.Key], c.Value), Thresholds: PopulationStability.Thresholds(profiles[c.Key], c.Value.Length)))
            .Select(m => new DriftMeasure(m.Variable, m.Psi, m.Thresholds.Level(m.Psi), m.Thresholds.Moderate, m.Thresholds.Shift))
            .OrderByDescending(m => m.Psi).ThenBy(m => m.Variable, StringComparer.Ordinal).ToList();
        var (clusters, meanSize) = await DriftStore.ClustersAsync(db, context.RunId, ct).ConfigureAwait(false);
        (int Clusters, double MeanSize)? referenceClusters = reference is { } r1 ? await DriftStore.ClustersAsync(db, r1, ct).ConfigureAwait(false) : null;
        var (labels, queueItems, queueDecided) = await DriftStore.LabelArrivalAsync(db, context.RunId, reference, ct).ConfigureAwait(false);
        var report = new DriftReport(context.RunId, reference, referenceRows, clusters, meanSize, referenceClusters?.Clusters, referenceClusters?.MeanSize,
            labels, queueItems, queueDecided, measures);
        await DriftStore.ReplaceAsync(db, report, ct).ConfigureAwait(false);
        return new StageOutcome(measures.Count, new Dictionary<string, object?>
        {
            ["reference_run_id"] = reference,
            ["score_psi"] = measures.FirstOrDefault(m => m.Variable == Score)?.Psi,
            ["shifted"] = measures.Where(m => m.Level == "shift").Select(m => m.Variable).ToArray(),
            ["clusters"] = clusters,
            ["labels_since_reference"] = labels,
        });
    }
}
