using GraphGuard.Core.Detection;
using GraphGuard.Core.Features;
using GraphGuard.Core.Graph;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Features;
using GraphGuard.Storage.Snapshots;
using Npgsql;

namespace GraphGuard.Cli.Risk;

/// <summary>
/// Snapshot → graph features → detector features → content and profile features → labels → relations: the
/// risk model's input for every account of a window, one logged stage at a time.
/// </summary>
internal static class RiskInputLoader
{
    /// <summary>The input, and each account's graph node (entities.id) by account index. Dispose the input's relations.</summary>
    public static async Task<(RiskInput Input, int[] AccountNodes)> LoadAsync(NpgsqlDataSource dataSource, SnapshotWindow window, StageLog log, CancellationToken ct)
    {
        var detection = await DetectionInputReader.ReadAsync(dataSource, window, ct);
        using var graph = detection.Graph;
        var accounts = detection.Accounts;
        if (accounts.Count == 0)
        {
            throw new InvalidOperationException("the window holds no accounts: ingest data first, or widen --from/--to");
        }
        log.Done("snapshot", $"{accounts.Count:N0} accounts, {graph.EdgeCount:N0} edges, {detection.Content.Count:N0} texts");

        // Implementation note: features never start from labels (trust seeds are old active accounts only), so
        // an account's own label cannot leak into its features and labeled accounts look like the others.
        detection = new DetectionInput
        {
            Graph = graph,
            Accounts = accounts,
            CreatedAt = detection.CreatedAt,
            AsOf = detection.AsOf,
            Content = detection.Content,
            TrustedSeeds = [],
        };
        FeatureMatrix graphFeatures;
        using (var projection = SharedContextProjection.Build(graph, new ProjectionOptions()))
        {
            // Age is measured at the snapshot's end, not at the clock's now, so features do not drift with the day.
            var asOf = window.To ?? graph.At((int)Math.Min(int.MaxValue, detection.AsOf));
            graphFeatures = GraphFeatures.Compute(graph, projection, detection.CreatedAt, asOf, []);
            log.Done("graph features", $"{graphFeatures.ColumnCount} per account");
        }

        var report = CoordinationDetection.Run(detection, new DetectionOptions());
        log.Done("detection", $"{report.Features.ColumnCount} detector features, {report.Clusters.Count:N0} clusters");

        // The content-signal aggregates (content_<signal>_mean, _max, _flagged_share) come with the detector features.
        var content = report.Features.Names.Count(n => n.StartsWith("content_", StringComparison.Ordinal));
        var profile = await AccountProfiles.ReadAsync(dataSource, graph, accounts, RiskFeatureCatalogue.ProfilePrefix, ct);
        var labels = await AccountLabels.ReadLatestAsync(dataSource, graph, accounts, ct);
        log.Done("profiles and labels",
            $"{content} content features, {profile.Count} profile fields, {labels.Count(l => l == true):N0} accounts labeled abusive and {labels.Count(l => l == false):N0} benign");

        var relations = RiskRelations.Build(graph);
        try
        {
            log.Done("relations", string.Join(", ", relations.Graph.Relations.Select(r => $"{r.Name} {r.Graph.EdgeCount / 2:N0} ties")));
            var features = RiskFeatureColumns.Assemble(accounts.Nodes, graphFeatures, report.Features, profile);
            return (new RiskInput(features, relations, labels), accounts.Nodes);
        }
        catch
        {
            relations.Dispose();
            throw;
        }
    }
}
