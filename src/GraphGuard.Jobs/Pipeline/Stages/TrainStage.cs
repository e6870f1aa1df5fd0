using System.Text;
using GraphGuard.Learning.Release;
using GraphGuard.Learning.Risk;
using GraphGuard.Storage.Models;
using GraphGuard.Storage.Pipeline;

namespace GraphGuard.Jobs.Pipeline.Stages;

/// <summary>
/// Fits the risk model (XGBoost on the labeled accounts, calibrated) with the encoder the embeddings stage
/// fitted for this run, and stores it (<c>risk_models</c>, <c>risk_model_files</c>) with the labels'
/// fingerprint. The reviewed labels of the review queues' random slices are held out (<see cref="ReviewedHoldout"/>: never
/// trained on, and absent from every account's neighbour-label counts), so the release stage can judge every model on them. Skipped when the embeddings stage fitted no encoder: the labels are unchanged and the run
/// scores with the latest model.
/// </summary>
internal sealed class TrainStage(RunCache cache) : IPipelineStage
{
    public string Name => "train";

    public async Task<StageOutcome> RunAsync(StageContext context, CancellationToken ct)
    {
        var dataSource = context.DataSource;
        var encoder = cache.FittedEncoder;
        if (encoder is null)
        {
            var files = await RunOutputs.EncoderAsync(dataSource, context.RunId, ct).ConfigureAwait(false);
            if (files.Count == 0)
            {
                var current = await RunOutputs.ModelVersionAsync(dataSource, context.RunId, ct).ConfigureAwait(false)
                    ?? throw new InvalidOperationException("the run has neither a fitted encoder nor a model: run its embeddings stage first");
                return new StageOutcome(0, new Dictionary<string, object?> { ["model_version"] = current, ["reason"] = "labels unchanged since that model" }) { Skipped = true };
            }
            encoder = RiskArtifact.ReadEmbedding(files);
        }
        var fingerprint = await RiskModelStore.LabelsFingerprintAsync(dataSource, ct).ConfigureAwait(false);
        var input = await cache.RiskInputAsync(context, ct).ConfigureAwait(false);
        // Trained on the input without the held-out labels: neither as answers nor in any neighbour's label counts.
        var holdout = ReviewedHoldout.Of(input, await ModelReleaseStore.HeldOutLabelsAsync(dataSource, ct).ConfigureAwait(false));
        input = holdout.Blind;
        var version = $"risk-{DateTime.UtcNow:yyyyMMdd-HHmmss}-run{context.RunId}";
        var source = $"pipeline {context.Definition.Name}, run {context.RunId}";
        var (model, _) = RiskTrainer.Train(input, new RiskTrainingOptions(), encoder, version, source, context.Progress, ct);
        cache.Keep(model);
        var artifact = RiskArtifact.Write(model);
        context.Progress.Report($"storing model {version}");
        await RiskModelStore.ReplaceForRunAsync(dataSource, context.RunId, version, fingerprint, Encoding.UTF8.GetString(artifact[RiskArtifact.TrainingFile]), artifact, ct).ConfigureAwait(false);
        await RunOutputs.SetModelVersionAsync(dataSource, context.RunId, version, ct).ConfigureAwait(false);
        var s = model.Summary;
        return new StageOutcome(s.LabeledAbusive + s.LabeledBenign, new Dictionary<string, object?>
        {
            ["model_version"] = version,
            ["labels_fingerprint"] = fingerprint,
            ["held_out_reviewed"] = holdout.Rows.Count,
            ["features"] = model.FeatureNames.Count,
            ["rounds"] = s.Rounds,
            ["calibration"] = s.Calibration,
            ["held_out_auroc"] = Math.Round(s.HeldOut.Auroc, 5),
            ["held_out_auprc"] = Math.Round(s.HeldOut.Auprc, 5),
            ["bytes"] = artifact.Values.Sum(f => (long)f.Length),
        });
    }
}
