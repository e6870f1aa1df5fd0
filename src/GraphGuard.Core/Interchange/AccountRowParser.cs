using System.Diagnostics.CodeAnalysis;

namespace GraphGuard.Core.Interchange;

/// <summary>Parses <c>accounts.csv</c> rows: <c>account_id,created_at[,country][,f_*]</c>.</summary>
public sealed class AccountRowParser(HeaderLayout layout, TimestampRange? plausible = null) : RowParser<AccountRow>(layout, plausible)
{
    private readonly int _id = layout.IndexOf("account_id");
    private readonly int _createdAt = layout.IndexOf("created_at");
    private readonly int _country = layout.IndexOf("country");

    protected override bool TryParseFields(CsvRecord record, [NotNullWhen(true)] out AccountRow row, out RowRejection rejection)
    {
        row = default;
        if (!TryId(record, _id, "account_id", out var id, out rejection) ||
            !TryTimestamp(record, _createdAt, "created_at", out var createdAt, out rejection) ||
            !TryOptionalText(record, _country, "country", 64, out var country, out rejection))
        {
            return false;
        }
        var features = Layout.Features.Count == 0 ? [] : new List<KeyValuePair<string, double>>(Layout.Features.Count);
        foreach (var (name, index) in Layout.Features)
        {
            var text = record[index];
            if (text.IsEmpty)
            {
                continue;
            }
            if (!FieldRules.TryNumber(text, out var value))
            {
                rejection = new RowRejection(QuarantineReason.BadNumber, "f_" + name, $"'{Shorten(text)}' is not a finite number");
                return false;
            }
            features.Add(new(name, value));
        }
        row = new AccountRow(id, createdAt, country, features);
        return true;
    }
}
