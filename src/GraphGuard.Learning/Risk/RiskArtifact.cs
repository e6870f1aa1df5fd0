using System.Text.Json;
using System.Text.Json.Serialization;
using GraphGuard.Learning.Calibration;
using GraphGuard.Learning.Sage;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Risk;

/// <summary>
/// A risk model as the files of its artifact folder (<c>models/&lt;version&gt;/</c>), by name: XGBoost's JSON
/// model, the feature list, the calibrator, the embedding (scaler and GraphSAGE weights), the training summary,
/// the metrics and a model card. The caller reads and writes the folder; this only makes and reads the bytes.
/// </summary>
public static class RiskArtifact
{
    /// <summary>XGBoost's own JSON model (trees, parameters, feature names, best iteration).</summary>
    public const string BoosterFile = "model.json";

    /// <summary>The booster's input columns, in order, with their family.</summary>
    public const string FeaturesFile = "features.json";

    /// <summary>The calibrator, its <c>method</c> naming the kind.</summary>
    public const string CalibratorFile = "calibrator.json";

    /// <summary>How the embedding's inputs are scaled.</summary>
    public const string EmbeddingScalerFile = "embedding_scaler.json";

    /// <summary>GraphSAGE's weights in its binary format.</summary>
    public const string EmbeddingModelFile = "embedding.sage";

    /// <summary>The training summary.</summary>
    public const string TrainingFile = "training.json";

    /// <summary>Metrics on the training, validation and held-out accounts.</summary>
    public const string MetricsFile = "metrics.json";

    /// <summary>The model card, for people.</summary>
    public const string ModelCardFile = "MODEL_CARD.md";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Every file of the artifact, by name.</summary>
    public static SortedDictionary<string, byte[]> Write(RiskModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [BoosterFile] = model.Booster.SaveJson(),
            [FeaturesFile] = Serialize(new FeatureList([.. model.FeatureNames.Select(n => new FeatureEntry(n, RiskTrainer.FamilyOf(n)))])),
            [CalibratorFile] = Serialize(model.Calibrator),
            [TrainingFile] = Serialize(model.Summary),
            [MetricsFile] = Serialize(new { model.Summary.Train, model.Summary.Validation, model.Summary.HeldOut }),
            [ModelCardFile] = System.Text.Encoding.UTF8.GetBytes(ModelCard.Render(model)),
        };
        if (model.Embedding is { } embedding)
        {
            foreach (var (name, content) in WriteEmbedding(embedding))
            {
                files[name] = content;
            }
        }
        return files;
    }

    /// <summary>An embedding alone as its two files (scaler and weights), as they are in a model's artifact.</summary>
    public static SortedDictionary<string, byte[]> WriteEmbedding(RiskEmbedding embedding)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        using var weights = new MemoryStream();
        embedding.Model.Save(weights);
        return new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [EmbeddingScalerFile] = Serialize(embedding.Scaler),
            [EmbeddingModelFile] = weights.ToArray(),
        };
    }

    /// <summary>Reads an embedding back from the files <see cref="WriteEmbedding"/> made.</summary>
    /// <exception cref="InvalidDataException">A file is missing or unreadable.</exception>
    public static RiskEmbedding ReadEmbedding(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var weights = new MemoryStream(Require(files, EmbeddingModelFile));
        return new RiskEmbedding(Deserialize<EmbeddingInputScaler>(files, EmbeddingScalerFile), SageModel.Load(weights));
    }

    /// <summary>Reads a model back from its files.</summary>
    /// <exception cref="InvalidDataException">A file is missing, or the files do not agree.</exception>
    public static RiskModel Read(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var features = Deserialize<FeatureList>(files, FeaturesFile).Features.Select(f => f.Name).ToList();
        var calibrator = Deserialize<IScoreCalibrator>(files, CalibratorFile);
        var summary = Deserialize<RiskTrainingSummary>(files, TrainingFile);
        var embedding = files.ContainsKey(EmbeddingModelFile) ? ReadEmbedding(files) : null;
        var booster = XgboostBooster.LoadJson(Require(files, BoosterFile));
        try
        {
            if (!booster.FeatureNames.SequenceEqual(features))
            {
                throw new InvalidDataException($"{BoosterFile} and {FeaturesFile} name different features");
            }
            return new RiskModel(booster, features, embedding, calibrator, summary);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);

    private static T Deserialize<T>(IReadOnlyDictionary<string, byte[]> files, string name)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(Require(files, name), Json) ?? throw new InvalidDataException($"{name} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{name}: {e.Message}", e);
        }
    }

    private static byte[] Require(IReadOnlyDictionary<string, byte[]> files, string name) =>
        files.TryGetValue(name, out var bytes) ? bytes : throw new InvalidDataException($"the model artifact has no {name}");

    private sealed record FeatureList(IReadOnlyList<FeatureEntry> Features);

    private sealed record FeatureEntry(string Name, string Family);
}
