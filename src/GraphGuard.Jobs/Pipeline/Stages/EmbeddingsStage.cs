using GraphGuard.Core.Features;
using GraphGuard.Learning.Risk;
using GraphGuard.Learning.Sage;
using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Every account's GraphSAGE embedding, into <c>account_embeddings</c>. An XGBoost model only understands the
/// embedding space it was trained with, so: when the train stage will fit a new model (the definition says
/// always, the labels' fingerprint differs from the latest model's, or there is none), this stage fits a new
/// unsupervised encoder and keeps it for the run (<c>run_encoders</c>) for the train stage to package;
/// otherwise it embeds with the latest model's encoder, and that model is the one the run scores with.
/// </summary>
internal sealed class EmbeddingsStage(RunCache cache) : IPipelineStage
{
    public string Name => "embeddings";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var dataSource = context.DataSource;
        var fingerprint = await RiskModelStore.LabelsFingerprintAsync(dataSource, ct).ConfigureAwait(false);
        var latest = await RiskModelStore.LatestAsync(dataSource, ct).ConfigureAwait(false);
        var fit = context.Definition.Train == TrainPolicy.Always || latest is null || latest.Value.LabelsFingerprint != fingerprint;
        var input = await cache.RiskInputAsync(context, ct).ConfigureAwait(false);
        var details = new Dictionary<string, object?> { ["labels_fingerprint"] = fingerprint, ["fitted"] = fit };
        IReadOnlyList<(string Name, float[] Values)> columns;
        if (fit)
        {
            var options = new RiskTrainingOptions().Embedding!;
            var features = RiskFeatures.WithNeighborLabels(input);
            var epochs = new EpochProgress(context.Progress, options.Epochs);
            var encoder = RiskEmbedding.Train(features, input.Relations.Graph, options, epochs, ct);
            await RunOutputs.ReplaceEncoderAsync(dataSource, context.RunId, RiskArtifact.WriteEmbedding(encoder), ct).ConfigureAwait(false);
            await RunOutputs.SetModelVersionAsync(dataSource, context.RunId, null, ct).ConfigureAwait(false);
            cache.FittedEncoder = encoder;
            context.Progress.Report("embedding every account");
            columns = encoder.Embed(features, input.Relations.Graph, new SageInferenceOptions { CancellationToken = ct });
            details["reason"] = context.Definition.Train == TrainPolicy.Always ? "the definition trains always"
                : latest is null ? "no model yet" : $"labels changed since model {latest.Value.Version}";
        }
        else
        {
            var version = latest!.Value.Version;
            await RunOutputs.ReplaceEncoderAsync(dataSource, context.RunId, new Dictionary<string, byte[]>(), ct).ConfigureAwait(false);
            await RunOutputs.SetModelVersionAsync(dataSource, context.RunId, version, ct).ConfigureAwait(false);
            cache.FittedEncoder = null;
            var model = await cache.ModelAsync(context, version, ct).ConfigureAwait(false);
            context.Progress.Report($"embedding every account with model {version}'s encoder");
            var full = model.Features(input, out var missing, new SageInferenceOptions { CancellationToken = ct });
            var names = model.Embedding?.Names ?? [];
            columns = [.. names.Select(n => (n, RiskFeatureColumns.Column(full, full.Column(n))))];
            details["model_version"] = version;
            details["missing_features"] = missing;
        }
        var dimension = columns.Count;
        var values = new float[(long)input.Features.RowCount * dimension];
        for (var d = 0; d < dimension; d++)
        {
            var column = columns[d].Values;
            for (var r = 0; r < column.Length; r++)
            {
                values[((long)r * dimension) + d] = column[r];
            }
        }
        // Kept for the score stage: the model's full features need this embedding, and inference is not free.
        cache.Embedding = new FeatureMatrix([.. columns.Select(c => c.Name)], input.Features.AccountIds, values);
        var rows = await ScoreStore.ReplaceEmbeddingsAsync(dataSource, context.RunId, input.Features.AccountIds, values, dimension, ct).ConfigureAwait(false);
        details["dimension"] = dimension;
        return new StageOutcome(rows, details);
    }

    private sealed class EpochProgress(IProgress<string> progress, int epochs) : IProgress<SageEpoch>
    {
        public void Report(SageEpoch value) => progress.Report($"encoder epoch {value.Epoch}/{epochs}, loss {value.Loss:0.0000}");
    }
}
