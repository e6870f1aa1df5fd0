using GraphGuard.Core.Detection;
using GraphGuard.Core.Features;
using GraphGuard.Core.Graph;
using GraphGuard.Storage.Snapshots;

namespace GraphGuard.Workflows.Features;

/// <summary>
/// A window's snapshot with nothing derived from labels in it, and the features computed from it: graph features
/// with ages measured at the window's end (the last event when the window is open), never at the clock's now, so
/// the same window always gives the same values; and the detectors' clusters and features. Made by
/// <see cref="FeaturePolicy.LoadAsync"/>; owns the graph.
/// </summary>
public sealed class LabelBlindSnapshot : IDisposable
{
    internal LabelBlindSnapshot(DetectionInput loaded, SnapshotWindow window)
    {
        // Whatever the reader found, no trust seeds: they are accounts chosen by their labels.
        Input = new DetectionInput
        {
            Graph = loaded.Graph,
            Accounts = loaded.Accounts,
            CreatedAt = loaded.CreatedAt,
            AsOf = loaded.AsOf,
            Content = loaded.Content,
            TrustedSeeds = [],
        };
        Window = window;
        AgeReference = window.To ?? loaded.Graph.At((int)Math.Min(int.MaxValue, loaded.AsOf));
    }

    /// <summary>What the detectors read: graph, accounts, creation times, content; no trusted seeds.</summary>
    public DetectionInput Input { get; }

    public InteractionGraph Graph => Input.Graph;

    public AccountIndex Accounts => Input.Accounts;

    public SnapshotWindow Window { get; }

    /// <summary>When account ages are measured: the window's end, or its last event when it has no end.</summary>
    public DateTime AgeReference { get; }

    /// <summary>Every per-account graph feature (rows in <see cref="Accounts"/> order).</summary>
    public FeatureMatrix GraphFeatures()
    {
        using var projection = SharedContextProjection.Build(Graph, new ProjectionOptions());
        return Core.Features.GraphFeatures.Compute(Graph, projection, Input.CreatedAt, AgeReference, []);
    }

    /// <summary>Every detector: clusters with evidence, and the per-account detector features.</summary>
    public DetectionReport Detect(IProgress<string>? progress = null) => CoordinationDetection.Run(Input, new DetectionOptions(), progress);

    public void Dispose() => Graph.Dispose();
}
