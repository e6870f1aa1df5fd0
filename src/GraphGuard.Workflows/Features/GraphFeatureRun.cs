using GraphGuard.Core.Features;
using GraphGuard.Storage.Features;
using GraphGuard.Storage.Snapshots;
using Npgsql;

namespace GraphGuard.Workflows.Features;

/// <summary><c>graphguard graph features</c>'s use case: a window's graph features, stored as a new feature run.</summary>
public static class GraphFeatureRun
{
    /// <summary>The stored run's id and its matrix.</summary>
    public static async Task<(int RunId, FeatureMatrix Features)> ComputeAsync(NpgsqlDataSource dataSource, SnapshotWindow window, CancellationToken ct = default)
    {
        using var snapshot = await FeaturePolicy.LoadAsync(dataSource, window, ct).ConfigureAwait(false);
        var features = snapshot.GraphFeatures();
        return (await FeatureStore.WriteAsync(dataSource, features, window, ct).ConfigureAwait(false), features);
    }
}
