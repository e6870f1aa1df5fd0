using System.Buffers;
using System.Text;
using System.Text.Json;
using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Ingest;

/// <summary>Loads <c>accounts.csv</c>; a later row for the same account replaces what it says.</summary>
internal sealed class AccountLoader : TableLoader<AccountRow>
{
    private readonly ArrayBufferWriter<byte> _json = new(256);

    public override FileSchema Schema => FileSchema.Accounts;

    public override string StageDdl => """
        create temp table if not exists stage_accounts (
            account_id integer, created_at timestamptz, country text, features jsonb, line bigint
        ) on commit delete rows
        """;

    public override string CopyCommand => "copy stage_accounts from stdin (format binary)";

    public override string MergeSql => """
        insert into accounts as a (account_id, created_at, country, features)
        select distinct on (account_id) account_id, created_at, country, features
        from stage_accounts order by account_id, line desc
        on conflict (account_id) do update
            set created_at = excluded.created_at, country = excluded.country, features = excluded.features
            where (a.created_at, a.country, a.features) is distinct from (excluded.created_at, excluded.country, excluded.features)
        """;

    public override RowParser<AccountRow> CreateParser(HeaderLayout layout) => new AccountRowParser(layout);

    public override void Write(NpgsqlBinaryImporter import, in AccountRow row, long line, IngestContext context)
    {
        import.StartRow();
        import.Write(context.Entities.GetOrAdd(EntityKind.Account, row.AccountId), NpgsqlDbType.Integer);
        import.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
        if (row.Country is null)
        {
            import.WriteNull();
        }
        else
        {
            import.Write(row.Country, NpgsqlDbType.Text);
        }
        import.Write(FeaturesJson(row.Features), NpgsqlDbType.Jsonb);
        import.Write(line, NpgsqlDbType.Bigint);
    }

    private string FeaturesJson(IReadOnlyList<KeyValuePair<string, double>> features)
    {
        if (features.Count == 0)
        {
            return "{}";
        }
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
        return Encoding.UTF8.GetString(_json.WrittenSpan);
    }
}
