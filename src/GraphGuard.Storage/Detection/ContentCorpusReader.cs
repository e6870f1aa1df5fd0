using GraphGuard.Core.Detection;
using GraphGuard.Core.Detection.Media;
using GraphGuard.Core.Graph;
using Npgsql;

namespace GraphGuard.Storage.Detection;

/// <summary>
/// Reads the text and classifier scores of the content in a snapshot into a <see cref="ContentCorpus"/>: the
/// upstream signals by name, and the in-house content models' scores as <c>gg_&lt;label&gt;</c>.
/// </summary>
public static class ContentCorpusReader
{
    public static async Task<ContentCorpus> ReadAsync(NpgsqlDataSource dataSource, InteractionGraph graph, AccountIndex accounts, CancellationToken ct = default)
    {
        // Ordered reads: the detectors (MinHash bands, near-duplicate groups) see the items in corpus order,
        // and an unordered scan's order changes between runs.
        var nodes = new List<int>();
        var authors = new List<int>();
        var texts = new List<string>();
        var mediaItems = new List<int>();
        var mediaHashes = new List<ulong>();
        var row = new Dictionary<int, int>();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using (var export = await connection.BeginBinaryExportAsync(
            """
            copy (select content_id, author_id, coalesce(text, ''), media_hash from content
                  where text is not null or media_hash is not null order by content_id) to stdout (format binary)
            """, ct).ConfigureAwait(false))
        {
            while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
            {
                var id = await export.ReadAsync<int>(ct).ConfigureAwait(false);
                var author = await export.ReadAsync<int>(ct).ConfigureAwait(false);
                var text = await export.ReadAsync<string>(ct).ConfigureAwait(false);
                long? media = export.IsNull ? null : await export.ReadAsync<long>(ct).ConfigureAwait(false);
                if (media is null)
                {
                    await export.SkipAsync(ct).ConfigureAwait(false);
                }
                // Content outside the snapshot's window is not part of what is being examined.
                if (id < graph.NodeCount && graph.InDegree(id) + graph.OutDegree(id) > 0)
                {
                    row[id] = nodes.Count;
                    nodes.Add(id);
                    authors.Add(author < graph.NodeCount ? accounts.IndexOf(author) : -1);
                    texts.Add(text);
                    if (media is { } hash)
                    {
                        mediaItems.Add(nodes.Count - 1);
                        mediaHashes.Add(unchecked((ulong)hash));
                    }
                }
            }
        }
        var signals = new Dictionary<string, float[]>();
        await using (var export = await connection.BeginBinaryExportAsync(
            """
            copy (select content_id, signal, max(score) from content_signals group by content_id, signal
                  union all
                  select content_id, 'gg_' || label, score from content_scores
                  order by 1, 2) to stdout (format binary)
            """, ct).ConfigureAwait(false))
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
        return new ContentCorpus([.. nodes], [.. authors], [.. texts], signals, new ContentMedia([.. mediaItems], [.. mediaHashes]));
    }
}
