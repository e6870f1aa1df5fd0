using System.Diagnostics;
using System.Threading.Channels;
using GraphGuard.Core.Interchange;
using GraphGuard.Storage.Database;
using Npgsql;

namespace GraphGuard.Storage.Ingest;

/// <summary>
/// <c>graphguard ingest DIR</c>: streams each file of a format-v1 folder, validates every row, and lands
/// the good ones with binary COPY in batches while bad ones go to <c>quarantine</c> with their reason.
/// </summary>
/// <remarks>
/// Implementation note: a parsing thread (<see cref="BatchProducer"/>) feeds a database writer
/// (<see cref="BatchWriter"/>) through a channel two batches deep, so both cores work. Each batch is one
/// transaction; merges skip rows already stored, and new entities get ids in order of first appearance,
/// so a re-run after a kill ends in exactly the state of one clean run. A session advisory lock makes
/// concurrent ingests queue instead of racing for ids.
/// </remarks>
public sealed class Ingestor(NpgsqlDataSource dataSource, IngestOptions options)
{
    private const long LockKey = 0x6772_6170_6869_6e67; // "graphing"

    public async Task<IngestSummary> IngestAsync(string directory, IProgress<IngestProgress>? progress = null, CancellationToken ct = default)
    {
        var folder = InterchangeFolder.Open(directory);
        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var entityConnection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var laneConnections = new List<NpgsqlConnection> { connection };
        await Sql.ExecuteAsync(connection, $"select pg_advisory_lock({LockKey})", ct).ConfigureAwait(false);
        IngestSummary? summary = null;
        try
        {
            await RunLedger.MarkInterruptedAsync(connection, ct).ConfigureAwait(false);
            summary = new IngestSummary(await RunLedger.StartAsync(connection, folder.FullPath, ct).ConfigureAwait(false), folder.FullPath);
            var context = new IngestContext(
                await EntityStore.LoadAsync(connection, ct).ConfigureAwait(false),
                await ActionCatalog.LoadAsync(connection, ct).ConfigureAwait(false));
            var entitiesBefore = context.Entities.Count;
            await Sql.ExecuteAsync(connection, QuarantineWriter.StageDdl, ct).ConfigureAwait(false);

            var channel = Channel.CreateBounded<IngestBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            for (var lane = 1; lane < options.Lanes; lane++)
            {
                laneConnections.Add(await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false));
            }
            var plausible = TimestampRange.Plausible(options.Clock.GetUtcNow().UtcDateTime, options.EarliestTimestamp, options.FutureTolerance);
            var producer = new BatchProducer(folder, context, options, plausible, progress);
            var producing = Task.Run(() => producer.ProduceAsync(channel.Writer, stop.Token), stop.Token);
            var writer = new BatchWriter(laneConnections, entityConnection, summary);
            try
            {
                await foreach (var batch in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
                {
                    try
                    {
                        await writer.WriteAsync(batch, ct).ConfigureAwait(false);
                    }
                    catch (PostgresException e) when (e.SqlState.StartsWith("22", StringComparison.Ordinal))
                    {
                        // A value validation let through and PostgreSQL refused (a data exception): that batch is
                        // lost, not the ingest. Validation is meant to make this unreachable.
                        batch.File.Error ??= $"{batch.File.File}: the database refused a batch of {batch.Read} rows ({e.SqlState}: {e.MessageText}); they were not loaded";
                    }
                }
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await producing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            summary.Error = NothingToIngest(folder, summary);
            summary.NewEntities = context.Entities.Count - entitiesBefore;
            summary.Elapsed = clock.Elapsed;
            await RunLedger.FinishAsync(connection, summary, error: null, ct).ConfigureAwait(false);
            return summary;
        }
        catch (Exception e) when (summary is not null && e is not OperationCanceledException)
        {
            await TryRecordFailureAsync(connection, summary, e).ConfigureAwait(false);
            throw;
        }
        finally
        {
            foreach (var extra in laneConnections.Skip(1))
            {
                await extra.DisposeAsync().ConfigureAwait(false);
            }
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await Sql.ExecuteAsync(connection, $"select pg_advisory_unlock({LockKey})", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A folder with no known file, or whose files hold no data row, is a failed ingest: nothing would change.</summary>
    private static string? NothingToIngest(InterchangeFolder folder, IngestSummary summary)
    {
        if (folder.Files.Count == 0)
        {
            return $"nothing to ingest: {folder.FullPath} holds none of {InterchangeFolder.KnownNames} (or .csv.gz)";
        }
        return summary.Read == 0 && summary.Files.All(f => f.Error is null)
            ? $"nothing to ingest: {string.Join(", ", folder.Files.Select(f => Path.GetFileName(f.Path)))} hold no data rows (empty, or a header only)"
            : null;
    }

    private static async Task TryRecordFailureAsync(NpgsqlConnection connection, IngestSummary summary, Exception error)
    {
        try
        {
            await RunLedger.FinishAsync(connection, summary, error.Message, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection itself failed; the run stays 'running' and the next ingest marks it interrupted.
        }
    }
}
