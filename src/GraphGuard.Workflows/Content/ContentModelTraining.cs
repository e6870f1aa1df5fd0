using System.Diagnostics;
using System.Text.Json;
using GraphGuard.Learning.Content;
using GraphGuard.Learning.Evaluation;
using GraphGuard.Storage.Content;
using Npgsql;

namespace GraphGuard.Workflows.Content;

/// <summary>
/// Trains one text classifier per policy from reviewers' verdicts (<c>content_labels</c>), measures it on the
/// held-out authors, and saves each with its card under <c>DIR/&lt;label&gt;/</c>.
/// </summary>
public static class ContentModelTraining
{
    public const string ModelFile = "model.zip";
    public const string CardFile = "card.json";

    /// <summary>Fewer positives than this and a policy gets no model: it would learn a handful of posts by heart.</summary>
    public const int MinimumPositives = 20;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Where models go when no folder is given.</summary>
    public static string DefaultFolder => Path.Combine("models", "content");

    public static async Task<IReadOnlyList<TextModelCard>> TrainAsync(NpgsqlDataSource dataSource, string folder, CancellationToken ct = default)
    {
        var split = VerdictSplit.Of(await ContentTextReader.ReadVerdictsAsync(dataSource, ct).ConfigureAwait(false));
        var labels = split.Labels(MinimumPositives);
        if (labels.Count == 0)
        {
            throw new InvalidOperationException(
                $"no policy has {MinimumPositives} reviewed positives with text ({split.Train.Count + split.HeldOut.Count} verdicts in content_labels): nothing to train");
        }
        var version = $"text-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var cards = new List<TextModelCard>();
        foreach (var label in labels)
        {
            ct.ThrowIfCancellationRequested();
            var (card, model) = TrainOne(split, label, version);
            var dir = Path.Combine(folder, label);
            Directory.CreateDirectory(dir);
            await using (var stream = File.Create(Path.Combine(dir, ModelFile)))
            {
                model.Save(stream);
            }
            await File.WriteAllTextAsync(Path.Combine(dir, CardFile), JsonSerializer.Serialize(card, Json), ct).ConfigureAwait(false);
            cards.Add(card);
        }
        return cards;
    }

    /// <summary>Trains on the split's training side and measures on its held-out side.</summary>
    public static (TextModelCard Card, TextClassifier Model) TrainOne(VerdictSplit split, string label, string version)
    {
        var (texts, positive) = VerdictSplit.For(split.Train, label);
        var clock = Stopwatch.StartNew();
        var model = TextClassifier.Train(texts, positive);
        var seconds = clock.Elapsed.TotalSeconds;
        var (heldTexts, heldPositive) = VerdictSplit.For(split.HeldOut, label);
        var scores = model.Predict(heldTexts);
        var card = new TextModelCard
        {
            Label = label,
            Version = version,
            TrainedAt = DateTime.UtcNow,
            TrainPositives = positive.Count(p => p),
            TrainNegatives = positive.Count(p => !p),
            HeldOutPositives = heldPositive.Count(p => p),
            HeldOutNegatives = heldPositive.Count(p => !p),
            Auroc = BinaryMetrics.Auroc(scores, heldPositive),
            Auprc = BinaryMetrics.AveragePrecision(scores, heldPositive),
            Brier = scores.Select((s, i) => Math.Pow(s - (heldPositive[i] ? 1 : 0), 2)).Average(),
            TrainSeconds = seconds,
        };
        return (card, model);
    }

    /// <summary>The cards of the models saved in <paramref name="folder"/>, by label.</summary>
    public static IReadOnlyList<TextModelCard> ReadCards(string folder) =>
        !Directory.Exists(folder) ? [] :
        [.. Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .Where(d => File.Exists(Path.Combine(d, CardFile)) && File.Exists(Path.Combine(d, ModelFile)))
            .Select(d => JsonSerializer.Deserialize<TextModelCard>(File.ReadAllText(Path.Combine(d, CardFile)), Json)
                ?? throw new InvalidDataException($"{Path.Combine(d, CardFile)}: empty model card"))];
}
