using System.Runtime.CompilerServices;
using GraphGuard.Learning.Content;
using GraphGuard.Storage.Content;
using Npgsql;

namespace GraphGuard.Workflows.Content;

/// <summary>
/// Scores every post and comment with text by each content model saved in a folder and stores the scores
/// (<c>content_scores</c>), where detectors and risk features read them as <c>gg_&lt;label&gt;</c>.
/// </summary>
public static class ContentScoring
{
    private const int BatchSize = 20_000;

    /// <summary>Scores with every model in <paramref name="folder"/>; returns (label, version, items scored) per model.</summary>
    public static async Task<IReadOnlyList<(string Label, string Version, long Scored)>> ScoreAsync(NpgsqlDataSource dataSource, string folder, CancellationToken ct = default)
    {
        var cards = ContentModelTraining.ReadCards(folder);
        if (cards.Count == 0)
        {
            throw new InvalidOperationException($"{folder}: no content models (run `graphguard content train` first)");
        }
        var results = new List<(string, string, long)>();
        foreach (var card in cards)
        {
            TextClassifier model;
            await using (var stream = File.OpenRead(Path.Combine(folder, card.Label, ContentModelTraining.ModelFile)))
            {
                model = TextClassifier.Load(stream);
            }
            var counter = new long[1];
            await ContentScoreStore.ReplaceAsync(dataSource, card.Label, card.Version, Score(dataSource, model, counter, ct), ct).ConfigureAwait(false);
            results.Add((card.Label, card.Version, counter[0]));
        }
        return results;
    }

    private static async IAsyncEnumerable<IReadOnlyList<(int, float)>> Score(NpgsqlDataSource dataSource, TextClassifier model, long[] counter,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in ContentTextReader.ReadAllAsync(dataSource, BatchSize, ct).ConfigureAwait(false))
        {
            var scores = model.Predict([.. batch.Select(b => b.Text)]);
            counter[0] += batch.Count;
            yield return [.. batch.Select((b, i) => (b.ContentId, scores[i]))];
        }
    }
}
