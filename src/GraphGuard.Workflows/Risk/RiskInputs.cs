using GraphGuard.Core.Features;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Features;
using GraphGuard.Workflows.Features;
using GraphGuard.Workflows.Progress;
using Npgsql;

namespace GraphGuard.Workflows.Risk;

/// <summary>
/// The risk model's input for every account of a window: graph, detector and profile feature columns
/// (<see cref="RiskFeatureColumns.Assemble"/>), the relations, and the labels, read only after the features
/// are computed from a <see cref="LabelBlindSnapshot"/>, so a label can be the answer but never a feature.
/// </summary>
public static class RiskInputs
{
    /// <summary>The feature columns, from a snapshot's graph and detector features (rows in the snapshot's account order) and the stored profiles.</summary>
    public static async Task<FeatureMatrix> ColumnsAsync(NpgsqlDataSource dataSource, LabelBlindSnapshot snapshot, FeatureMatrix graphFeatures,
        FeatureMatrix detectorFeatures, CancellationToken ct = default) => RiskFeatureColumns.Assemble(snapshot.Accounts.Nodes, graphFeatures, detectorFeatures, await ProfileAsync(dataSource, snapshot, ct).ConfigureAwait(false));

    /// <summary>Each account's latest label (true: abusive, false: benign, null: none), in the snapshot's account order.</summary>
    public static Task<bool?[]> LabelsAsync(NpgsqlDataSource dataSource, LabelBlindSnapshot snapshot, CancellationToken ct = default) =>
        AccountLabels.ReadLatestAsync(dataSource, snapshot.Graph, snapshot.Accounts, ct);

    /// <summary>
    /// Snapshot → graph features → detector features → content and profile features → labels → relations, one
    /// logged stage at a time (<c>train</c>, <c>score</c>, <c>eval --world</c>). Returns the input and each
    /// account's graph node (entities.id) by account index; the caller disposes the input's relations.
    /// </summary>
    public static async Task<(RiskInput Input, int[] AccountNodes)> LoadAsync(NpgsqlDataSource dataSource, Storage.Snapshots.SnapshotWindow window, StageLog log,
        CancellationToken ct = default)
    {
        using var snapshot = await FeaturePolicy.LoadAsync(dataSource, window, ct).ConfigureAwait(false);
        var accounts = snapshot.Accounts;
        if (accounts.Count == 0)
        {
            throw new InvalidOperationException("the window holds no accounts: ingest data first, or widen --from/--to");
        }
        log.Done("snapshot", $"{accounts.Count:N0} accounts, {snapshot.Graph.EdgeCount:N0} edges, {snapshot.Input.Content.Count:N0} texts");
        var graphFeatures = snapshot.GraphFeatures();
        log.Done("graph features", $"{graphFeatures.ColumnCount} per account");
        var report = snapshot.Detect();
        log.Done("detection", $"{report.Features.ColumnCount} detector features, {report.Clusters.Count:N0} clusters");

        // The content-signal aggregates (content_<signal>_mean, _max, _flagged_share) come with the detector features.
        var content = report.Features.Names.Count(n => n.StartsWith("content_", StringComparison.Ordinal));
        var profile = await ProfileAsync(dataSource, snapshot, ct).ConfigureAwait(false);
        var features = RiskFeatureColumns.Assemble(accounts.Nodes, graphFeatures, report.Features, profile);
        var labels = await LabelsAsync(dataSource, snapshot, ct).ConfigureAwait(false);
        log.Done("profiles and labels",
            $"{content} content features, {profile.Count} profile fields, {labels.Count(l => l == true):N0} accounts labeled abusive and {labels.Count(l => l == false):N0} benign");

        var relations = RiskRelations.Build(snapshot.Graph);
        log.Done("relations", string.Join(", ", relations.Graph.Relations.Select(r => $"{r.Name} {r.Graph.EdgeCount / 2:N0} ties")));
        return (new RiskInput(features, relations, labels), accounts.Nodes);
    }

    private static Task<IReadOnlyList<(string Name, float[] Values)>> ProfileAsync(NpgsqlDataSource dataSource, LabelBlindSnapshot snapshot, CancellationToken ct) =>
        AccountProfiles.ReadAsync(dataSource, snapshot.Graph, snapshot.Accounts, RiskFeatureCatalogue.ProfilePrefix, ct);
}
