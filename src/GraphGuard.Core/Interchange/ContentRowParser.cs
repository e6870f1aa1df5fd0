using System.Diagnostics.CodeAnalysis;

namespace GraphGuard.Core.Interchange;

/// <summary>Parses <c>content.csv</c> rows: <c>content_id,author,created_at[,text][,media_hash]</c>.</summary>
public sealed class ContentRowParser(HeaderLayout layout, TimestampRange? plausible = null) : RowParser<ContentRow>(layout, plausible)
{
    /// <summary>Longest text kept; posts and comments are far shorter.</summary>
    public const int MaxTextBytes = 64 * 1024;

    private readonly int _id = layout.IndexOf("content_id");
    private readonly int _author = layout.IndexOf("author");
    private readonly int _createdAt = layout.IndexOf("created_at");
    private readonly int _text = layout.IndexOf("text");
    private readonly int _media = layout.IndexOf("media_hash");

    protected override bool TryParseFields(CsvRecord record, [NotNullWhen(true)] out ContentRow row, out RowRejection rejection)
    {
        row = default;
        if (!TryId(record, _id, "content_id", out var id, out rejection) ||
            !TryId(record, _author, "author", out var author, out rejection) ||
            !TryTimestamp(record, _createdAt, "created_at", out var createdAt, out rejection) ||
            !TryOptionalText(record, _text, "text", MaxTextBytes, out var text, out rejection, controlsAllowed: true))
        {
            return false;
        }
        ulong? media = null;
        if (_media >= 0 && !record[_media].IsEmpty)
        {
            if (!FieldRules.TryMediaHash(record[_media], out var hash))
            {
                rejection = new RowRejection(QuarantineReason.BadMediaHash, "media_hash", $"'{Shorten(record[_media])}' is not 16 hexadecimal digits");
                return false;
            }
            media = hash;
        }
        row = new ContentRow(id, author, createdAt, text, media);
        return true;
    }
}
