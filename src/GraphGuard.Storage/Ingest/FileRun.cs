using System.Diagnostics.CodeAnalysis;
using GraphGuard.Core.Interchange;
using Npgsql;

namespace GraphGuard.Storage.Ingest;

/// <summary>Ingests one file of a run, batch by batch (see <see cref="Ingestor"/> for the guarantees).</summary>
internal sealed class FileRun(
    NpgsqlConnection connection, IngestSummary summary, FileSummary file, IngestContext context, int batchRows, IProgress<IngestProgress>? progress)
{
    private const int ProgressEveryRows = 1 << 16;

    public async Task LoadAsync<TRow>(TableLoader<TRow> loader, CancellationToken ct)
    {
        await using var stream = InterchangeFolder.OpenRead(file.File, out var underlying);
        using var reader = new CsvRecordReader(stream);
        var total = underlying.Length;
        void Report() => progress?.Report(new IngestProgress(file.File, underlying.Position, total, file.Read));

        if (!TryRead(reader, out var header, out var readError))
        {
            if (readError is not null)
            {
                await QuarantineFileErrorAsync(QuarantineReason.CorruptFile, 1, readError, [], ct).ConfigureAwait(false);
            }
            return;
        }
        var layout = loader.Schema.Bind(header, out var headerError);
        if (layout is null)
        {
            await QuarantineFileErrorAsync(QuarantineReason.BadHeader, header.Line, headerError!, header.Raw.ToArray(), ct).ConfigureAwait(false);
            return;
        }
        var parser = loader.CreateParser(layout);
        await Ingestor.ExecuteAsync(connection, loader.StageDdl, ct).ConfigureAwait(false);

        var lastLine = header.Line;
        var more = true;
        while (more)
        {
            var quarantined = new List<QuarantinedRow>();
            long staged = 0;
            await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using (var import = await connection.BeginBinaryImportAsync(loader.CopyCommand, ct).ConfigureAwait(false))
            {
                while (staged < batchRows)
                {
                    if (!TryRead(reader, out var record, out readError))
                    {
                        more = false;
                        break;
                    }
                    lastLine = record.Line;
                    file.Read++;
                    if (parser.TryParse(record, out var row, out var rejection))
                    {
                        loader.Write(import, row, record.Line, context);
                        staged++;
                    }
                    else
                    {
                        quarantined.Add(new QuarantinedRow(file.File, record.Line, rejection.Field, rejection.Reason, rejection.Detail, record.Raw.ToArray()));
                        file.CountQuarantined(rejection.Reason);
                    }
                    if (file.Read % ProgressEveryRows == 0)
                    {
                        Report();
                    }
                }
                await import.CompleteAsync(ct).ConfigureAwait(false);
            }
            if (readError is not null)
            {
                quarantined.Add(new QuarantinedRow(file.File, lastLine + 1, null, QuarantineReason.CorruptFile, readError, []));
                file.CountQuarantined(QuarantineReason.CorruptFile);
                file.Error = $"{file.File} after line {lastLine}: {readError}";
            }
            await EntityStore.SaveNewAsync(connection, context.Entities, ct).ConfigureAwait(false);
            await context.Actions.SaveNewAsync(connection, ct).ConfigureAwait(false);
            var loaded = await Ingestor.ExecuteAsync(connection, loader.MergeSql, ct).ConfigureAwait(false);
            file.Loaded += loaded;
            file.Unchanged += staged - loaded;
            await QuarantineWriter.WriteAsync(connection, summary.RunId, quarantined, ct).ConfigureAwait(false);
            await RunLedger.UpdateAsync(connection, summary, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            Report();
        }
    }

    /// <summary>Reads a record; a decompression or I/O failure ends the file with its message instead of throwing.</summary>
    private static bool TryRead(CsvRecordReader reader, [NotNullWhen(true)] out CsvRecord? record, out string? error)
    {
        error = null;
        try
        {
            return reader.TryRead(out record);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            record = null;
            error = e.Message;
            return false;
        }
    }

    private async Task QuarantineFileErrorAsync(string reason, long line, string detail, byte[] raw, CancellationToken ct)
    {
        file.CountQuarantined(reason);
        file.Error = $"{file.File} line {line}: {detail}";
        await using var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await QuarantineWriter.WriteAsync(connection, summary.RunId, [new QuarantinedRow(file.File, line, null, reason, detail, raw)], ct).ConfigureAwait(false);
        await RunLedger.UpdateAsync(connection, summary, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }
}
