using System.Threading.Channels;
using GraphGuard.Core.Domain;
using GraphGuard.Core.Interchange;
using GraphGuard.Storage.Ingest;

namespace GraphGuard.Fuzz;

/// <summary>
/// The two things fuzzed: the CSV reader with every row parser, and the parsing half of a folder ingest
/// (open, decompress, read, validate, encode; everything but the database). The first input byte picks
/// the target and the file (the seeds in fuzz/corpus are named for theirs); the rest is the file's content.
/// </summary>
internal static class FuzzTargets
{
    private const int MaxInput = 4 << 20;

    public static void Run(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0 || bytes.Length > MaxInput)
        {
            return;
        }
        var selector = bytes[0];
        var content = bytes.AsMemory(1);
        // The low six bits pick the file, the two high bits the target, so a seed keeps its file when files are added.
        var schema = FileSchema.All[(selector & 0x3F) % FileSchema.All.Count];
        if ((selector & 0x80) == 0)
        {
            ReadAndParse(content, schema);
        }
        else
        {
            ProduceFolder(content.ToArray(), schema, gzip: (selector & 0x40) != 0);
        }
    }

    /// <summary>Reads every record and parses it as a row of <paramref name="schema"/>, checking the reader's promises.</summary>
    private static void ReadAndParse(ReadOnlyMemory<byte> content, FileSchema schema)
    {
        using var reader = new CsvRecordReader(new MemoryStream(content.ToArray()), bufferSize: 64);
        if (!reader.TryRead(out var header))
        {
            return;
        }
        var layout = schema.Bind(header, out _);
        var plausible = TimestampRange.Plausible(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(1));
        var previousLine = header.Line;
        while (reader.TryRead(out var record))
        {
            Check(record.Line > previousLine, $"record line {record.Line} does not follow {previousLine}");
            Check(record.Raw.Length <= CsvRecordReader.MaxRecordBytes && record.Length >= record.Raw.Length, "raw bytes over the limit or longer than the record");
            previousLine = record.Line;
            if (layout is null)
            {
                continue;
            }
            var ok = schema.File switch
            {
                InterchangeFile.Accounts => new AccountRowParser(layout, plausible).TryParse(record, out _, out var r) || Rejected(r),
                InterchangeFile.Content => new ContentRowParser(layout, plausible).TryParse(record, out _, out var r) || Rejected(r),
                InterchangeFile.Events => new EventRowParser(layout, plausible).TryParse(record, out _, out var r) || Rejected(r),
                InterchangeFile.ContentSignals => new ContentSignalRowParser(layout, plausible).TryParse(record, out _, out var r) || Rejected(r),
                InterchangeFile.Labels => new LabelRowParser(layout, plausible).TryParse(record, out _, out var r) || Rejected(r),
                InterchangeFile.ContentLabels => new ContentLabelRowParser(layout, plausible).TryParse(record, out _, out var r) || Rejected(r),
                _ => throw new InvalidOperationException($"no row parser for {schema.File}"),
            };
            Check(ok, "unreachable");
        }
    }

    /// <summary>A rejection must carry a reason and a detail that PostgreSQL text can store.</summary>
    private static bool Rejected(RowRejection rejection)
    {
        Check(!string.IsNullOrEmpty(rejection.Reason) && !rejection.Detail.Contains('\0'), $"rejection '{rejection.Reason}' has no reason or a NUL in its detail");
        return true;
    }

    /// <summary>Writes the content as one file of a folder and runs the ingest's producer over it, draining every batch.</summary>
    private static void ProduceFolder(byte[] content, FileSchema schema, bool gzip)
    {
        var folder = Directory.CreateTempSubdirectory("graphguard-fuzz-");
        try
        {
            File.WriteAllBytes(Path.Combine(folder.FullName, schema.BaseName + (gzip ? ".csv.gz" : ".csv")), content);
            var producer = new BatchProducer(InterchangeFolder.Open(folder.FullName), new IngestContext(new EntityDictionary(), new ActionCatalog()),
                new IngestOptions { BatchRows = 7 }, TimestampRange.Unbounded, progress: null);
            var channel = Channel.CreateUnbounded<IngestBatch>();
            producer.ProduceAsync(channel.Writer, CancellationToken.None).GetAwaiter().GetResult();
            while (channel.Reader.TryRead(out var batch))
            {
                foreach (var row in batch.Quarantined)
                {
                    Check(!row.Detail.Contains('\0') && row.RawLength >= row.Raw.Length, "a quarantined row PostgreSQL could not store");
                }
                foreach (var lane in batch.Lanes)
                {
                    lane.Complete();
                    lane.Dispose();
                }
            }
            // A producer that failed completes the channel with its exception: that is a crash.
            channel.Reader.Completion.GetAwaiter().GetResult();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("fuzz invariant broken: " + message);
        }
    }
}
