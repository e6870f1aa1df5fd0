using GraphGuard.Core.Features;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Detection;
using GraphGuard.Storage.Features;
using GraphGuard.Storage.Pipeline;
using GraphGuard.Storage.Snapshots;
using GraphGuard.Workflows.Features;
using GraphGuard.Workflows.Risk;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// What the stages of one run share within a process: the snapshot (loading it is the slow part), the
/// feature matrices, the relations, the fitted encoder and the model. A stage that finds nothing here for
/// its run reads the earlier stages' outputs from the database, so each stage also runs alone in a fresh
/// process. Holds one run at a time; one cache per runner (the stages of <see cref="PipelineStages.All"/>).
/// </summary>
internal sealed class RunCache : IDisposable
{
    private long _runId = -1;
    private LabelBlindSnapshot? _snapshot;
    private RiskRelations? _relations;
    private FeatureMatrix? _riskFeatures;
    private RiskModel? _model;

    private FeatureMatrix? _graphFeatures;
    private FeatureMatrix? _detectorFeatures;

    /// <summary>The graph features stage's matrix; setting it (a re-run) drops the risk input built from the old one.</summary>
    public FeatureMatrix? GraphFeatures
    {
        get => _graphFeatures;
        set => (_graphFeatures, _riskFeatures) = (value, null);
    }

    /// <summary>The detect stage's feature matrix; setting it drops the risk input built from the old one.</summary>
    public FeatureMatrix? DetectorFeatures
    {
        get => _detectorFeatures;
        set => (_detectorFeatures, _riskFeatures) = (value, null);
    }

    /// <summary>The embedding the embeddings stage computed for this run in this process (its <c>sage_*</c> columns, rows in account order).</summary>
    public FeatureMatrix? Embedding { get; set; }

    /// <summary>The encoder the embeddings stage fitted for this run, if it fitted one in this process.</summary>
    public RiskEmbedding? FittedEncoder { get; set; }

    /// <summary>The snapshot of the run's fixed window, as <see cref="FeaturePolicy"/> gives it (the caller must not dispose it).</summary>
    public async Task<LabelBlindSnapshot> SnapshotAsync(StageContext context, CancellationToken ct)
    {
        Switch(context.RunId);
        if (_snapshot is null)
        {
            var (from, to) = await RunOutputs.WindowAsync(context.DataSource, context.RunId, ct).ConfigureAwait(false);
            context.Progress.Report("loading the snapshot");
            _snapshot = await FeaturePolicy.LoadAsync(context.DataSource, new SnapshotWindow(from, to), ct).ConfigureAwait(false);
        }
        return _snapshot;
    }

    /// <summary>
    /// The risk model's input (<see cref="RiskInputs"/>) from the graph and detector features of this run's earlier
    /// stages (in memory, else as they stored them), with the relations and the labels as they are now.
    /// </summary>
    public async Task<RiskInput> RiskInputAsync(StageContext context, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(context, ct).ConfigureAwait(false);
        var nodes = snapshot.Accounts.Nodes;
        if (_riskFeatures is null)
        {
            GraphFeatures ??= await FeatureStore.ReadForPipelineRunAsync(context.DataSource, context.RunId, PipelineStages.GraphFeaturesKind, ct).ConfigureAwait(false);
            DetectorFeatures ??= await FeatureStore.ReadForPipelineRunAsync(context.DataSource, context.RunId, ClusterStore.DetectorFeaturesKind, ct).ConfigureAwait(false);
            _riskFeatures = await RiskInputs.ColumnsAsync(context.DataSource, snapshot, InAccountOrder(GraphFeatures, nodes), InAccountOrder(DetectorFeatures, nodes), ct)
                .ConfigureAwait(false);
        }
        _relations ??= RiskRelations.Build(snapshot.Graph);
        return new RiskInput(_riskFeatures, _relations, await RiskInputs.LabelsAsync(context.DataSource, snapshot, ct).ConfigureAwait(false));
    }

    /// <summary>
    /// The run's embedding with columns <paramref name="names"/> in the snapshot's account order: the one the
    /// embeddings stage computed in this process, else the one it stored.
    /// </summary>
    public async Task<FeatureMatrix> EmbeddingAsync(StageContext context, IReadOnlyList<string> names, CancellationToken ct)
    {
        var snapshot = await SnapshotAsync(context, ct).ConfigureAwait(false);
        if (Embedding is null || !Embedding.Names.SequenceEqual(names))
        {
            var stored = await ScoreStore.ReadEmbeddingsAsync(context.DataSource, context.RunId, names, ct).ConfigureAwait(false);
            Embedding = InAccountOrder(stored, snapshot.Accounts.Nodes);
        }
        return Embedding;
    }

    /// <summary>A stored model, kept for the next stage (the train stage hands its model to the score stage).</summary>
    public async Task<RiskModel> ModelAsync(StageContext context, string version, CancellationToken ct)
    {
        Switch(context.RunId);
        if (_model?.Summary.Version != version)
        {
            var files = await RiskModelStore.FilesAsync(context.DataSource, version, ct).ConfigureAwait(false);
            Keep(RiskArtifact.Read(files));
        }
        return _model!;
    }

    /// <summary>Keeps a model the cache now owns.</summary>
    public void Keep(RiskModel model)
    {
        if (!ReferenceEquals(_model, model))
        {
            _model?.Dispose();
            _model = model;
        }
    }

    /// <summary>Drops everything (after the run is published, or when another run comes).</summary>
    public void Dispose()
    {
        _snapshot?.Dispose();
        _relations?.Dispose();
        _model?.Dispose();
        (_snapshot, _relations, _riskFeatures, _model) = (null, null, null, null);
        (GraphFeatures, DetectorFeatures, FittedEncoder, Embedding) = (null, null, null, null);
        _runId = -1;
    }

    private void Switch(long runId)
    {
        if (_runId != runId)
        {
            Dispose();
            _runId = runId;
        }
    }

    /// <summary>A stored matrix's rows in the snapshot's account order (stored rows are in account id order).</summary>
    private static FeatureMatrix InAccountOrder(FeatureMatrix matrix, int[] nodes)
    {
        if (matrix.AccountIds.AsSpan().SequenceEqual(nodes))
        {
            return matrix;
        }
        var rowOf = new Dictionary<int, int>(matrix.RowCount);
        for (var r = 0; r < matrix.RowCount; r++)
        {
            rowOf[matrix.AccountIds[r]] = r;
        }
        var values = new float[(long)nodes.Length * matrix.ColumnCount];
        for (var i = 0; i < nodes.Length; i++)
        {
            if (!rowOf.TryGetValue(nodes[i], out var r))
            {
                throw new InvalidDataException($"stored features lack account {nodes[i]} of the run's snapshot");
            }
            matrix.Row(r).CopyTo(values.AsSpan(i * matrix.ColumnCount, matrix.ColumnCount));
        }
        return new FeatureMatrix(matrix.Names, nodes, values);
    }
}
