using System.Text;
using GraphGuard.Core.Interchange;
using GraphGuard.Storage.Ingest;
using GraphGuard.Testing;
using Npgsql;

namespace GraphGuard.Storage.Tests.Ingest;

/// <summary>Folders a hostile user or a broken exporter hands over: no input loses good rows, and nothing-to-do is said.</summary>
public sealed class HostileIngestTests
{
    private const string EventsHeader = "event_id,ts,actor,action,target_type,target\n";
    private NpgsqlDataSource _db = null!;

    [SetUp]
    public async Task CreateDatabase() =>
        _db = NpgsqlDataSource.Create(await TestDatabase.CreateAsync(nameof(HostileIngestTests)));

    [TearDown]
    public async Task CloseDatabase() => await _db.DisposeAsync();

    private Task<IngestSummary> IngestAsync(string dir) => new Ingestor(_db, new IngestOptions()).IngestAsync(dir);

    private static string GoodEvents(int from, int count) =>
        string.Concat(Enumerable.Range(from, count).Select(i => $"e{i},2026-02-01T00:00:00Z,a{i % 7},follow,account,a{i % 5}\n"));

    private async Task<List<(long Line, string? Field, string Reason, long RawBytes, long? RawLength)>> QuarantineAsync()
    {
        var rows = new List<(long, string?, string, long, long?)>();
        await using var cmd = _db.CreateCommand("select line, field, reason, octet_length(raw), raw_length from quarantine order by file, line");
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        }
        return rows;
    }

    [Test]
    public async Task A_nul_byte_is_one_quarantined_row_and_the_rest_of_the_file_and_the_files_after_it_land()
    {
        using var world = new TempFolder();
        world.Write("accounts.csv", "account_id,created_at,country\nx,2026-01-01T00:00:00Z,U\0S\ny,2026-01-01T00:00:00Z,FR\n");
        world.Write("events.csv", EventsHeader + GoodEvents(0, 100) + "bad,2026-02-01T00:00:00Z,a\0b,follow,account,c\n" + GoodEvents(100, 100));
        world.Write("labels.csv", "account_id,label,source\na1,abusive,review\n");

        var summary = await IngestAsync(world.Path);

        Assert.That(summary.Succeeded, Is.True, string.Join("; ", summary.Files.Select(f => f.Error)));
        Assert.That(await QuarantineAsync(), Is.EqualTo(new (long, string?, string, long, long?)[]
        {
            (2, "country", QuarantineReason.NulByte, 26, 26),
            (102, "actor", QuarantineReason.NulByte, 45, 45),
        }));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from events"), Is.EqualTo(200));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from accounts"), Is.EqualTo(1));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from labels"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_runaway_quoted_field_is_one_quarantine_row_with_its_first_mebibyte_and_its_length()
    {
        var inside = string.Concat(Enumerable.Repeat(new string('q', 99) + "\n", 30_000));
        using var world = new TempFolder();
        world.Write("events.csv", EventsHeader + GoodEvents(0, 10) + "big,2026-02-01T00:00:00Z,a,follow,account,\"" + inside + "\"\n" + GoodEvents(10, 10));

        var summary = await IngestAsync(world.Path);

        var quarantine = await QuarantineAsync();
        Assert.That(quarantine, Has.Count.EqualTo(1));
        Assert.That(quarantine[0], Is.EqualTo((12L, (string?)"target", QuarantineReason.FieldTooLong, (long)CsvRecordReader.MaxRecordBytes,
            (long?)Encoding.UTF8.GetByteCount("big,2026-02-01T00:00:00Z,a,follow,account,\"" + inside + "\""))));
        Assert.That(summary.Files[0].Loaded, Is.EqualTo(20));
    }

    [Test]
    public async Task A_ten_megabyte_field_is_field_too_long_and_says_the_raw_bytes_were_cut()
    {
        using var world = new TempFolder();
        world.Write("content.csv", "content_id,author,created_at,text\nc1,a,2026-01-01T00:00:00Z," + new string('t', 10 << 20) + "\nc2,a,2026-01-01T00:00:00Z,hi\n");

        await IngestAsync(world.Path);

        var row = (await QuarantineAsync()).Single();
        Assert.That((row.Field, row.Reason, row.RawBytes), Is.EqualTo(("text", QuarantineReason.FieldTooLong, (long)CsvRecordReader.MaxRecordBytes)));
        Assert.That(row.RawLength, Is.EqualTo((10 << 20) + 26));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from content"), Is.EqualTo(1));
    }

    [Test]
    public async Task Far_future_and_ancient_timestamps_are_implausible_and_the_rest_land()
    {
        using var world = new TempFolder();
        world.Write("events.csv", EventsHeader + "f,9999-12-31T23:59:59Z,a,follow,account,b\no,0001-01-01T00:00:00Z,a,follow,account,b\n" + GoodEvents(0, 3));
        world.Write("accounts.csv", "account_id,created_at\nz,1970-01-01T00:00:00Z\n");

        await IngestAsync(world.Path);

        Assert.That((await QuarantineAsync()).Select(q => (q.Field, q.Reason)), Is.EquivalentTo(new[]
        {
            ((string?)"created_at", QuarantineReason.ImplausibleTimestamp),
            ("ts", QuarantineReason.ImplausibleTimestamp),
            ("ts", QuarantineReason.ImplausibleTimestamp),
        }));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from events"), Is.EqualTo(3));
    }

    [Test]
    public async Task The_plausible_range_is_configurable()
    {
        using var world = new TempFolder();
        world.Write("events.csv", EventsHeader + "old,1990-06-01T00:00:00Z,a,follow,account,b\n");
        var options = new IngestOptions { EarliestTimestamp = new DateTime(1980, 1, 1, 0, 0, 0, DateTimeKind.Utc) };

        var summary = await new Ingestor(_db, options).IngestAsync(world.Path);

        Assert.That(summary.Loaded, Is.EqualTo(1));
    }

    [Test]
    public async Task Ids_with_control_characters_are_quarantined_not_stored()
    {
        using var world = new TempFolder();
        world.Write("events.csv", EventsHeader + "e1,2026-02-01T00:00:00Z,a\u0001,follow,account,b\ne2,2026-02-01T00:00:00Z,a,follow,account,\u001b[2J\n"
            + "e3,2026-02-01T00:00:00Z,a,follow,account,\"b\nc\"\n" + GoodEvents(0, 1));

        await IngestAsync(world.Path);

        Assert.That((await QuarantineAsync()).Select(q => q.Reason), Is.EqualTo(Enumerable.Repeat(QuarantineReason.ControlCharacter, 3)));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from entities where external_id ~ '[[:cntrl:]]'"), Is.Zero);
    }

    [Test]
    public async Task A_symlink_leading_out_of_the_folder_is_refused_unread_and_the_other_files_land()
    {
        using var outside = new TempFolder();
        var secret = outside.Write("secret.csv", "root:x:0:0:the secret first line\n");
        using var world = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(world.Path, "accounts.csv"), secret);
        world.Write("events.csv", EventsHeader + GoodEvents(0, 5));

        var summary = await IngestAsync(world.Path);

        Assert.That(summary.Succeeded, Is.False);
        Assert.That(summary.Files[0].Error, Does.Contain("symbolic link leading out of the folder"));
        Assert.That(await QuarantineAsync(), Is.EqualTo(new (long, string?, string, long, long?)[] { (0, null, QuarantineReason.RefusedFile, 0, 0) }));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from quarantine where convert_from(raw, 'UTF8') like '%secret%' or detail like '%secret first%'"), Is.Zero);
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from events"), Is.EqualTo(5));
    }

    [Test]
    public async Task A_symlink_inside_the_folder_is_followed()
    {
        using var world = new TempFolder();
        Directory.CreateDirectory(Path.Combine(world.Path, "data"));
        var real = world.Write("data/events-2026.csv", EventsHeader + GoodEvents(0, 2));
        File.CreateSymbolicLink(Path.Combine(world.Path, "events.csv"), real);

        var summary = await IngestAsync(world.Path);

        Assert.That((summary.Succeeded, summary.Loaded), Is.EqualTo((true, 2L)));
    }

    [Test]
    public async Task A_file_that_cannot_be_opened_fails_alone_and_the_files_after_it_still_load()
    {
        using var world = new TempFolder();
        world.WriteBytes("accounts.csv.gz", [0x1f, 0x8b, 0x08]);
        Directory.CreateDirectory(Path.Combine(world.Path, "content.csv"));
        world.Write("events.csv", EventsHeader + GoodEvents(0, 4));

        var summary = await IngestAsync(world.Path);

        Assert.That(summary.Succeeded, Is.False);
        Assert.That(summary.Files.Select(f => f.Error is not null), Is.EqualTo(new[] { true, true, false }));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from events"), Is.EqualTo(4));
    }

    [TestCase(new string[0], "holds none of")]
    [TestCase(new[] { "notes.txt" }, "holds none of")]
    [TestCase(new[] { "events.csv" }, "hold no data rows")]
    [TestCase(new[] { "accounts.csv", "empty:labels.csv" }, "hold no data rows")]
    public async Task A_folder_with_nothing_to_ingest_says_so_and_fails(string[] files, string message)
    {
        using var world = new TempFolder();
        foreach (var file in files)
        {
            world.Write(file.Replace("empty:", ""), file.StartsWith("empty:") ? "" : file == "notes.txt" ? "hello\n" : file == "events.csv" ? EventsHeader : "account_id,created_at\n");
        }

        var summary = await IngestAsync(world.Path);

        Assert.That(summary.Succeeded, Is.False);
        Assert.That(summary.Error, Does.StartWith("nothing to ingest").And.Contain(message));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from ingest_runs where status = 'failed' and error like 'nothing to ingest%'"), Is.EqualTo(1));
    }

    [Test]
    public async Task More_distinct_actions_than_the_catalog_holds_quarantines_the_extra_rows_not_the_ingest()
    {
        static string Action(int i) => string.Concat(Enumerable.Range(0, 4).Select(d => (char)('a' + (i / (int)Math.Pow(26, d) % 26))));
        var events = new StringBuilder(EventsHeader);
        for (var i = 0; i < short.MaxValue + 5; i++)
        {
            events.Append($"e{i},2026-02-01T00:00:00Z,a,{Action(i)},account,b\n");
        }
        using var world = new TempFolder();
        world.Write("events.csv", events.ToString());

        var summary = await IngestAsync(world.Path);

        Assert.That(summary.Succeeded, Is.True);
        Assert.That(summary.Files[0].QuarantinedByReason.Keys, Is.EqualTo(new[] { QuarantineReason.BadAction }));
        Assert.That(summary.Quarantined, Is.GreaterThan(0));
        Assert.That(summary.Loaded + summary.Quarantined, Is.EqualTo(short.MaxValue + 5));
        Assert.That(await TestDatabase.CountAsync(_db, "select count(*) from actions"), Is.EqualTo(short.MaxValue));
    }

    [Test]
    public async Task A_truncated_gzip_names_the_same_line_in_its_message_and_its_quarantine_row()
    {
        var events = new StringBuilder(EventsHeader).Append(GoodEvents(0, 50_000));
        using var world = new TempFolder();
        var gzip = TempFolder.Gzip(events.ToString());
        world.WriteBytes("events.csv.gz", gzip[..(gzip.Length * 2 / 3)]);

        var summary = await IngestAsync(world.Path);

        var row = (await QuarantineAsync()).Single();
        Assert.That(row.Reason, Is.EqualTo(QuarantineReason.CorruptFile));
        Assert.That(summary.Files[0].Error, Does.Contain($"line {row.Line}:"));
        Assert.That(row.Line, Is.EqualTo(summary.Files[0].Loaded + 2), "the header and every landed row come before the line named");
    }
}
