using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace GraphGuard.Core.Interchange;

/// <summary>Parses <c>content_signals.csv</c> rows: <c>content_id,signal,score[,model][,ts]</c>; score in [0,1].</summary>
public sealed class ContentSignalRowParser(HeaderLayout layout, TimestampRange? plausible = null) : RowParser<ContentSignalRow>(layout, plausible)
{
    private readonly int _id = layout.IndexOf("content_id");
    private readonly int _signal = layout.IndexOf("signal");
    private readonly int _score = layout.IndexOf("score");
    private readonly int _model = layout.IndexOf("model");
    private readonly int _ts = layout.IndexOf("ts");

    protected override bool TryParseFields(CsvRecord record, [NotNullWhen(true)] out ContentSignalRow row, out RowRejection rejection)
    {
        row = default;
        if (!TryId(record, _id, "content_id", out var id, out rejection))
        {
            return false;
        }
        var signal = record[_signal];
        if (!FieldRules.IsName(signal, 64))
        {
            rejection = new RowRejection(QuarantineReason.BadName, "signal", $"'{Shorten(signal)}' is not a name of 1-64 characters [a-z0-9_]");
            return false;
        }
        var scoreText = record[_score];
        if (!FieldRules.TryNumber(scoreText, out var score) || score is < 0 or > 1)
        {
            rejection = new RowRejection(QuarantineReason.BadScore, "score", $"'{Shorten(scoreText)}' is not a number in [0,1]");
            return false;
        }
        if (!TryOptionalText(record, _model, "model", 128, out var model, out rejection) ||
            !TryOptionalTimestamp(record, _ts, "ts", out var ts, out rejection))
        {
            return false;
        }
        row = new ContentSignalRow(id, Encoding.ASCII.GetString(signal), score, model ?? "", ts);
        return true;
    }
}
