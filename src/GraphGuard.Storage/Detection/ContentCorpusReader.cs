using GraphGuard.Core.Detection;
using GraphGuard.Core.Graph;
using Npgsql;

namespace GraphGuard.Storage.Detection;

/// <summary>Reads the text and classifier scores of the content in a snapshot into a <see cref="ContentCorpus"/>.</summary>
public static class ContentCorpusReader
{
    public static async Task<ContentCorpus> ReadAsync(NpgsqlDataSource dataSource, InteractionGraph graph, AccountIndex accounts, CancellationToken ct = default)
    {
        // Ordered reads: the detectors (MinHash bands, near-duplicate groups) see the items in corpus order,
        // and an unordered scan's order changes between runs.
        var nodes = new List<int>();
        var authors = new List<int>();
        var texts = new List<string>();
        var row = new Dictionary<int, int>();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (var export = await connection.BeginBinaryExportAsync(
            "copy (select content_id, author_id, text from content where text is not null order by content_id) to stdout (format binary)", ct).ConfigureAwait(false))
        {
            while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
            {
                var id = await export.ReadAsync<int>(ct).ConfigureAwait(false);
                var author = await export.ReadAsync<int>(ct).ConfigureAwait(false);
                var text = await export.ReadAsync<string>(ct).ConfigureAwait(false);
                // Content outside the snapshot's window is not part of what is being examined.
                if (id < graph.NodeCount && graph.InDegree(id) + graph.OutDegree(id) > 0)
                {
                    row[id] = nodes.Count;
                    nodes.Add(id);
                    authors.Add(author < graph.NodeCount ? accounts.IndexOf(author) : -1);
                    texts.Add(text);
                }
            }
        }
        var signals = new Dictionary<string, float[]>();
        await using (var export = await connection.BeginBinaryExportAsync(
            "copy (select content_id, signal, max(score) from content_signals group by content_id, signal order by content_id, signal) to stdout (format binary)", ct).ConfigureAwait(false))
        {
            while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
            {
                var id = await export.ReadAsync<int>(ct).ConfigureAwait(false);
                var signal = await export.ReadAsync<string>(ct).ConfigureAwait(false);
                var score = await export.ReadAsync<float>(ct).ConfigureAwait(false);
                if (row.TryGetValue(id, out var r))
                {
                    if (!signals.TryGetValue(signal, out var scores))
                    {
                        signals[signal] = scores = new float[nodes.Count];
                        Array.Fill(scores, float.NaN);
                    }
                    scores[r] = score;
                }
            }
        }
        return new ContentCorpus([.. nodes], [.. authors], [.. texts], signals);
    }
}
