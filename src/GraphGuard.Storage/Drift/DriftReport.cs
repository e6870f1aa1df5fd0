namespace GraphGuard.Storage.Drift;

/// <summary>A run's drift against its reference run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="ReferenceRunId">The run it is compared with; null on a pipeline's first run.</param>
/// <param name="ReferenceRows">Rows of the reference's profiles (fewer than 1,000: PSI levels are 'unknown').</param>
/// <param name="Clusters">Clusters the run found.</param>
/// <param name="MeanClusterSize">Their mean size.</param>
/// <param name="ReferenceClusters">Clusters the reference found.</param>
/// <param name="ReferenceMeanClusterSize">Their mean size.</param>
/// <param name="LabelsSinceReference">Analysts' labels that arrived since the reference run started.</param>
/// <param name="QueueItems">Items of the latest earlier run's review queue.</param>
/// <param name="QueueDecided">Of those, the ones with a standing decision.</param>
/// <param name="Measures">PSI per variable (each model input, and <c>score</c>), largest first.</param>
public sealed record DriftReport(long RunId, long? ReferenceRunId, int? ReferenceRows, int Clusters, double MeanClusterSize, int? ReferenceClusters, double? ReferenceMeanClusterSize,
    int LabelsSinceReference, int QueueItems, int QueueDecided, IReadOnlyList<DriftMeasure> Measures);
