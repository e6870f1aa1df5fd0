using System.Diagnostics.CodeAnalysis;

namespace GraphGuard.Core.Interchange;

/// <summary>Parses <c>labels.csv</c> rows: <c>account_id,label,source[,ts]</c>; label is abusive or benign.</summary>
public sealed class LabelRowParser(HeaderLayout layout, TimestampRange? plausible = null) : RowParser<LabelRow>(layout, plausible)
{
    public const string Abusive = "abusive";
    public const string Benign = "benign";

    private readonly int _id = layout.IndexOf("account_id");
    private readonly int _label = layout.IndexOf("label");
    private readonly int _source = layout.IndexOf("source");
    private readonly int _ts = layout.IndexOf("ts");

    protected override bool TryParseFields(CsvRecord record, [NotNullWhen(true)] out LabelRow row, out RowRejection rejection)
    {
        row = default;
        if (!TryId(record, _id, "account_id", out var id, out rejection))
        {
            return false;
        }
        var labelBytes = record[_label];
        string? label = labelBytes.SequenceEqual("abusive"u8) ? Abusive : labelBytes.SequenceEqual("benign"u8) ? Benign : null;
        if (label is null)
        {
            rejection = new RowRejection(QuarantineReason.BadLabel, "label", $"'{Shorten(labelBytes)}' is neither 'abusive' nor 'benign'");
            return false;
        }
        if (!TryRequiredText(record, _source, "source", 64, out var source, out rejection) ||
            !TryOptionalTimestamp(record, _ts, "ts", out var ts, out rejection))
        {
            return false;
        }
        row = new LabelRow(id, label, source, ts);
        return true;
    }
}
