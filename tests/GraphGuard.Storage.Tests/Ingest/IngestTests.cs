using System.Text;
using GraphGuard.Core.Interchange;
using GraphGuard.Storage.Ingest;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Storage.Tests.Ingest;

public sealed class IngestTests
{
    private NpgsqlDataSource _db = null!;

    [SetUp]
    public async Task CreateDatabase() =>
        _db = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(nameof(IngestTests)));

    [TearDown]
    public async Task CloseDatabase() => await _db.DisposeAsync();

    private Task<IngestSummary> IngestAsync(string dir, int batchRows = 500_000) =>
        new Ingestor(_db, new IngestOptions { BatchRows = batchRows }).IngestAsync(dir);

    private const string Accounts = """
        account_id,created_at,country,f_bio_length
        alice,2026-01-01T00:00:00Z,US,12
        bob,2026-01-02T00:00:00Z,,
        carol,2026-02-30T00:00:00Z,FR,3
        dave,2026-01-03T00:00:00Z,DE,lots
        erin,2026-01-04T00:00:00Z,The Most Serene Republic of San Marino and Its Surrounding Hills Beyond,1
        """;

    private static readonly string Events = $"""
        event_id,ts,actor,action,target_type,target
        e1,2026-02-01T00:00:00Z,alice,follow,account,bob
        e2,2026-02-01T00:00:01Z,bob,like,content,c1
        e3,2026-02-01T00:00:02Z,bob,like,planet,c1
        e4,2026-02-01T00:00:03Z,bob,Like,content,c1
        e5,2026-02-01T00:00:04Z,bob,login,device
        e6,2026-02-01T00:00:05Z,eve,login,device,dev-1
        e6,2026-02-01T00:00:05Z,eve,login,device,dev-2
        e7,2026-02-01T00:00:06Z,eve,"login",ip,"10.0.0.1"x
        e8,2026-02-01T00:00:07Z,eve,follow,account,{new string('x', 257)}
        """;

    private const string Content = """
        content_id,author,created_at,text
        c1,alice,2026-01-05T00:00:00Z,"hello, world"
        c2,,2026-01-05T00:00:00Z,no author
        """;

    private const string Signals = """
        content_id,signal,score,model
        c1,spam,0.1,spam-v3
        c1,spam,1.1,spam-v3
        c1,toxicity,0.2,
        c1,Toxicity!,0.2,
        """;

    private const string Labels = """
        account_id,label,source,ts
        eve,abusive,enforcement,2026-03-01T00:00:00Z
        bob,benign,review,
        alice,suspicious,review,
        """;

    private static TempFolder World()
    {
        var folder = new TempFolder();
        folder.Write("accounts.csv", Accounts);
        folder.Write("events.csv", Events);
        folder.Write("content.csv", Content);
        folder.Write("content_signals.csv", Signals);
        folder.Write("labels.csv", Labels);
        folder.Write("truth.csv", "account_id,campaign,pattern\nnot,read,ever\n");
        folder.WriteBytes("bad_utf8.csv", [0xFF]);
        return folder;
    }

    [Test]
    public async Task Every_bad_row_is_quarantined_with_file_line_field_and_reason_while_good_rows_land()
    {
        using var world = World();
        var summary = await IngestAsync(world.Path);

        var quarantined = new List<string>();
        await using (var cmd = _db.CreateCommand("select file, line, coalesce(field, '-'), reason from quarantine order by file, line"))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                quarantined.Add($"{Path.GetFileName(reader.GetString(0))}:{reader.GetInt64(1)}:{reader.GetString(2)}:{reader.GetString(3)}");
            }
        }
        Assert.That(quarantined, Is.EqualTo(new[]
        {
            $"accounts.csv:4:created_at:{QuarantineReason.BadTimestamp}",
            $"accounts.csv:5:f_bio_length:{QuarantineReason.BadNumber}",
            $"accounts.csv:6:country:{QuarantineReason.FieldTooLong}",
            $"content.csv:3:author:{QuarantineReason.EmptyField}",
            $"content_signals.csv:3:score:{QuarantineReason.BadScore}",
            $"content_signals.csv:5:signal:{QuarantineReason.BadName}",
            $"events.csv:4:target_type:{QuarantineReason.BadTargetType}",
            $"events.csv:5:action:{QuarantineReason.BadAction}",
            $"events.csv:6:-:{QuarantineReason.WrongColumnCount}",
            $"events.csv:9:-:{QuarantineReason.MalformedCsv}",
            $"events.csv:10:target:{QuarantineReason.IdTooLong}",
            $"labels.csv:4:label:{QuarantineReason.BadLabel}",
        }));
        Assert.That(summary.Succeeded, Is.True, "quarantined rows do not fail a run");
        Assert.That(summary.Quarantined, Is.EqualTo(12));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from accounts"), Is.EqualTo(2));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from events"), Is.EqualTo(3), "e1, e2 and the first e6");
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from content_signals"), Is.EqualTo(2));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from labels"), Is.EqualTo(2));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from ingest_runs where status = 'succeeded' and rows_quarantined = 12"), Is.EqualTo(1));
    }

    [Test]
    public async Task Format_v1_1_media_hashes_and_content_labels_land_and_bad_ones_are_quarantined()
    {
        using var world = new TempFolder();
        world.Write("content.csv", """
            content_id,author,created_at,text,media_hash
            p1,alice,2026-01-05T00:00:00Z,look,ffffffffffffffff
            p2,bob,2026-01-05T00:00:00Z,again,00000000000000A1
            p3,bob,2026-01-05T00:00:00Z,edited,not-a-hash
            c1,bob,2026-01-05T00:00:00Z,a comment,
            """);
        world.Write("content_labels.csv", """
            content_id,label,source,ts
            p1,spam,review,2026-01-06T00:00:00Z
            p1,spam,review,2026-01-06T00:00:00Z
            c1,ok,review,
            p2,Spam!,review,
            """);
        var summary = await IngestAsync(world.Path);

        Assert.That(summary.Quarantined, Is.EqualTo(2));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from quarantine where reason = 'bad_media_hash' and field = 'media_hash' and line = 4"), Is.EqualTo(1));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from quarantine where reason = 'bad_label' and file like '%content_labels.csv' and line = 5"), Is.EqualTo(1));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from content where media_hash = -1"), Is.EqualTo(1), "all 64 bits kept, as the signed bigint of the same bits");
        Assert.That(await TestDatabase.CountAsync(_db, "select media_hash from content c join entities e on e.id = c.content_id where e.external_id = 'p2'"), Is.EqualTo(0xA1));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from content where media_hash is null"), Is.EqualTo(1), "a comment has no media");
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from content_labels"), Is.EqualTo(2), "a repeated verdict is kept once");

        await IngestAsync(world.Path);
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from content_labels"), Is.EqualTo(2), "re-ingesting adds nothing");
    }

    [Test]
    public async Task Entities_get_dense_ids_in_order_of_first_appearance_and_keep_their_string_ids()
    {
        using var world = World();
        await IngestAsync(world.Path);

        var entities = new List<string>();
        await using var cmd = _db.CreateCommand("select id, kind, external_id from entities order by id");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entities.Add($"{reader.GetInt32(0)}:{reader.GetInt16(1)}:{reader.GetString(2)}");
        }
        // accounts.csv, then content.csv, then events.csv; kinds 1 = account, 2 = content, 3 = device.
        // dev-2 is named by a valid row whose event_id was already taken: the entity exists, the event does not.
        Assert.That(entities, Is.EqualTo(new[] { "0:1:alice", "1:1:bob", "2:2:c1", "3:1:eve", "4:3:dev-1", "5:3:dev-2" }));
        Assert.That(await TestDatabase.CountAsync(_db, "select target_id from events where event_id = 'e6'"), Is.EqualTo(4), "the first e6 wins");
    }

    [Test]
    public async Task Ingesting_the_same_folder_twice_adds_nothing()
    {
        using var world = World();
        await IngestAsync(world.Path);
        var before = await TestDatabase.FingerprintAsync(_db);

        var again = await IngestAsync(world.Path);

        Assert.That(await TestDatabase.FingerprintAsync(_db), Is.EqualTo(before));
        Assert.That(again.Loaded, Is.Zero);
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from (select 1 from entities group by kind, external_id having count(*) > 1) d"), Is.Zero);
        Assert.That(again.Unchanged, Is.EqualTo(again.Read - again.Quarantined));
    }

    [Test]
    public async Task A_later_account_row_replaces_what_an_earlier_one_said()
    {
        using var world = new TempFolder();
        world.Write("accounts.csv", "account_id,created_at,country\na,2026-01-01T00:00:00Z,US\na,2026-01-01T00:00:00Z,CA\n");
        await IngestAsync(world.Path);
        world.Write("accounts.csv", "account_id,created_at,country\na,2026-01-01T00:00:00Z,MX\n");
        var second = await IngestAsync(world.Path);

        await using var cmd = _db.CreateCommand("select country from accounts");
        Assert.That(await cmd.ExecuteScalarAsync(), Is.EqualTo("MX"));
        Assert.That(second.Loaded, Is.EqualTo(1));
    }

    [Test]
    public async Task Batches_give_the_same_result_as_one_transaction()
    {
        using var world = World();
        await IngestAsync(world.Path, batchRows: 1);
        var batched = await TestDatabase.FingerprintAsync(_db);
        await using (var wipe = _db.CreateCommand("truncate entities, accounts, content, events, content_signals, labels, quarantine, ingest_runs; delete from actions where code > 10"))
        {
            await wipe.ExecuteNonQueryAsync();
        }

        await IngestAsync(world.Path);

        Assert.That(await TestDatabase.FingerprintAsync(_db), Is.EqualTo(batched));
    }

    [Test]
    public async Task Invalid_utf8_keeps_its_exact_bytes_in_quarantine()
    {
        using var world = new TempFolder();
        var bad = Encoding.UTF8.GetBytes("e1,2026-01-01T00:00:00Z,a").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(",follow,account,b")).ToArray();
        world.WriteBytes("events.csv", [.. Encoding.UTF8.GetBytes("event_id,ts,actor,action,target_type,target\n"), .. bad, (byte)'\n']);
        await IngestAsync(world.Path);

        await using var cmd = _db.CreateCommand("select reason, raw from quarantine");
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True);
        Assert.That(reader.GetString(0), Is.EqualTo(QuarantineReason.InvalidUtf8));
        Assert.That((byte[])reader[1], Is.EqualTo(bad));
    }

    [Test]
    public async Task A_bad_header_rejects_its_file_and_the_other_files_still_land()
    {
        using var world = new TempFolder();
        world.Write("accounts.csv", "account_id,created\na,2026-01-01T00:00:00Z\n");
        world.Write("events.csv", "event_id,ts,actor,action,target_type,target\ne1,2026-01-01T00:00:00Z,a,follow,account,b\n");

        var summary = await IngestAsync(world.Path);

        Assert.That(summary.Succeeded, Is.False);
        Assert.That(summary.Files[0].Error, Does.Contain("accounts.csv line 1: unknown column 'created'"));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from quarantine where reason = 'bad_header' and line = 1"), Is.EqualTo(1));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from events"), Is.EqualTo(1));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from ingest_runs where status = 'failed'"), Is.EqualTo(1));
    }

    [Test]
    public async Task Gzipped_files_load_exactly_like_plain_ones()
    {
        using var plain = World();
        await IngestAsync(plain.Path);
        var expected = (await TestDatabase.FingerprintAsync(_db)).Split(' ')[..^1];
        await using (var wipe = _db.CreateCommand("truncate entities, accounts, content, events, content_signals, labels, quarantine, ingest_runs"))
        {
            await wipe.ExecuteNonQueryAsync();
        }

        using var gz = new TempFolder();
        gz.WriteBytes("accounts.csv.gz", TempFolder.Gzip(Accounts));
        gz.WriteBytes("events.csv.gz", TempFolder.Gzip(Events));
        gz.WriteBytes("content.csv.gz", TempFolder.Gzip(Content));
        gz.WriteBytes("content_signals.csv.gz", TempFolder.Gzip(Signals));
        gz.WriteBytes("labels.csv.gz", TempFolder.Gzip(Labels));
        await IngestAsync(gz.Path);

        // The quarantine differs only in file names, so compare everything else.
        Assert.That((await TestDatabase.FingerprintAsync(_db)).Split(' ')[..^1], Is.EqualTo(expected));
    }

    [Test]
    public async Task A_truncated_gzip_is_reported_and_the_rows_before_the_cut_land()
    {
        var events = new StringBuilder("event_id,ts,actor,action,target_type,target\n");
        for (var i = 0; i < 50_000; i++)
        {
            events.Append($"e{i},2026-01-01T00:00:00Z,a{i % 97},follow,account,a{i % 89}\n");
        }
        var gzip = TempFolder.Gzip(events.ToString());
        using var world = new TempFolder();
        world.WriteBytes("events.csv.gz", gzip[..(gzip.Length * 2 / 3)]);

        var summary = await IngestAsync(world.Path);

        Assert.That(summary.Succeeded, Is.False);
        Assert.That(summary.Files[0].Error, Does.Contain("truncated or corrupt"));
        Assert.That(summary.Files[0].QuarantinedByReason, Does.ContainKey(QuarantineReason.CorruptFile));
        var landed = await TestDatabase.CountAsync(_db, "select count(*) from events");
        Assert.That(landed, Is.GreaterThan(0).And.LessThan(50_000));
        Assert.That(landed, Is.EqualTo(summary.Files[0].Loaded));
    }

    [Test]
    public async Task Garbage_with_a_gz_name_is_reported_not_a_crash()
    {
        using var world = new TempFolder();
        world.WriteBytes("labels.csv.gz", Encoding.ASCII.GetBytes("this is not gzip at all, just text pretending"));

        var summary = await IngestAsync(world.Path);

        Assert.That(summary.Succeeded, Is.False);
        Assert.That(summary.Files[0].QuarantinedByReason.Keys, Is.EqualTo(new[] { QuarantineReason.CorruptFile }));
    }
}
