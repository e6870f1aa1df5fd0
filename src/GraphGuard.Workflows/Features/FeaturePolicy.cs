using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Snapshots;
using Npgsql;

namespace GraphGuard.Workflows.Features;

/// <summary>
/// The one definition of an account's features, used by <c>graph features</c>, <c>detect</c>, <c>train</c>,
/// <c>score</c>, <c>eval --world</c> and the pipeline alike: computed from a <see cref="LabelBlindSnapshot"/> of a
/// window, which only this policy makes. So the rule "an account's label never reaches its own features" is a
/// type, not a comment: nothing that computes features can be handed labels (no SybilRank seeds from benign
/// labels), and the risk input (<see cref="Risk.RiskInputs"/>) is built only from such a snapshot.
/// </summary>
public static class FeaturePolicy
{
    /// <summary>Loads the window's snapshot (graph, creation times, content) as features may see it. The caller disposes it.</summary>
    public static async Task<LabelBlindSnapshot> LoadAsync(NpgsqlDataSource dataSource, SnapshotWindow window, CancellationToken ct = default) =>
        new(await DetectionInputReader.ReadAsync(dataSource, window, ct).ConfigureAwait(false), window);
}
