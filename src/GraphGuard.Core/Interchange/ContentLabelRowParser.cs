using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace GraphGuard.Core.Interchange;

/// <summary>
/// Parses <c>content_labels.csv</c> rows: <c>content_id,label,source[,ts]</c>. The label names the policy the
/// content breaks (<c>spam</c>, <c>harassment</c>, ...) or is <see cref="Clean"/> when a reviewer found none.
/// </summary>
public sealed class ContentLabelRowParser(HeaderLayout layout, TimestampRange? plausible = null) : RowParser<ContentLabelRow>(layout, plausible)
{
    /// <summary>The verdict of a reviewer who found nothing wrong.</summary>
    public const string Clean = "ok";

    private readonly int _id = layout.IndexOf("content_id");
    private readonly int _label = layout.IndexOf("label");
    private readonly int _source = layout.IndexOf("source");
    private readonly int _ts = layout.IndexOf("ts");

    protected override bool TryParseFields(CsvRecord record, [NotNullWhen(true)] out ContentLabelRow row, out RowRejection rejection)
    {
        row = default;
        if (!TryId(record, _id, "content_id", out var id, out rejection))
        {
            return false;
        }
        var label = record[_label];
        if (!FieldRules.IsName(label, 64))
        {
            rejection = new RowRejection(QuarantineReason.BadLabel, "label", $"'{Shorten(label)}' is not a name of 1-64 characters [a-z0-9_]");
            return false;
        }
        if (!TryRequiredText(record, _source, "source", 64, out var source, out rejection) ||
            !TryOptionalTimestamp(record, _ts, "ts", out var ts, out rejection))
        {
            return false;
        }
        row = new ContentLabelRow(id, Encoding.ASCII.GetString(label), source, ts);
        return true;
    }
}
