using System.Buffers;
using System.Text.Json;
using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>accounts.csv</c>; a later row for the same account replaces what it says.</summary>
internal sealed class AccountLoader : TableLoader<AccountRow>
{
    private static readonly TableTarget AccountsTarget = new(
        "accounts",
        "account_id, created_at, country, features",
        "account_id integer, created_at timestamptz, country text, features jsonb",
        """
        insert into accounts as a (account_id, created_at, country, features)
        select distinct on (account_id) account_id, created_at, country, features
        from stage_accounts order by account_id, seq desc
        on conflict (account_id) do update
            set created_at = excluded.created_at, country = excluded.country, features = excluded.features
            where (a.created_at, a.country, a.features) is distinct from (excluded.created_at, excluded.country, excluded.features)
        """);

    private readonly ArrayBufferWriter<byte> _json = new(256);

    public override FileSchema Schema => FileSchema.Accounts;

    public override TableTarget Target => AccountsTarget;

    public override RowParser<AccountRow> CreateParser(HeaderLayout layout, TimestampRange plausible) => new AccountRowParser(layout, plausible);

    public override void Write(CopyPayload[] lanes, in AccountRow row, IngestContext context)
    {
        var payload = lanes[0];
        payload.StartRow(4);
        payload.WriteInt32(context.Entities.GetOrAdd(EntityKind.Account, row.AccountId));
        payload.WriteTimestamp(row.CreatedAt);
        payload.WriteText(row.Country);
        payload.WriteJsonb(FeaturesJson(row.Features));
    }

    private ReadOnlySpan<byte> FeaturesJson(IReadOnlyList<KeyValuePair<string, double>> features)
    {
        _json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_json))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in features)
            {
                writer.WriteNumber(name, value);
            }
            writer.WriteEndObject();
        }
        return _json.WrittenSpan;
    }
}
