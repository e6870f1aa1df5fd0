using Npgsql;

namespace GraphGuard.Storage.Content;

/// <summary>Reads content text for the content models: the verdicts they learn from, and everything they score.</summary>
public static class ContentTextReader
{
    /// <summary>Every reviewed content item that has text, with its latest verdict (ties: the source that sorts first).</summary>
    public static async Task<IReadOnlyList<LabeledText>> ReadVerdictsAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        var rows = new List<LabeledText>();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var export = await connection.BeginBinaryExportAsync(
            """
            copy (select distinct on (l.content_id) l.content_id, c.author_id, c.text, l.label
                  from content_labels l join content c using (content_id)
                  where c.text is not null
                  order by l.content_id, l.ts desc nulls last, l.source) to stdout (format binary)
            """, ct).ConfigureAwait(false);
        while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
        {
            rows.Add(new LabeledText(
                await export.ReadAsync<int>(ct).ConfigureAwait(false),
                await export.ReadAsync<int>(ct).ConfigureAwait(false),
                await export.ReadAsync<string>(ct).ConfigureAwait(false),
                await export.ReadAsync<string>(ct).ConfigureAwait(false)));
        }
        return rows;
    }

    /// <summary>All content with text, in id order, in batches of at most <paramref name="batchSize"/>.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<(int ContentId, string Text)>> ReadAllAsync(NpgsqlDataSource dataSource, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var export = await connection.BeginBinaryExportAsync(
            "copy (select content_id, text from content where text is not null order by content_id) to stdout (format binary)", ct).ConfigureAwait(false);
        var batch = new List<(int, string)>(batchSize);
        while (await export.StartRowAsync(ct).ConfigureAwait(false) != -1)
        {
            batch.Add((await export.ReadAsync<int>(ct).ConfigureAwait(false), await export.ReadAsync<string>(ct).ConfigureAwait(false)));
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<(int, string)>(batchSize);
            }
        }
        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
