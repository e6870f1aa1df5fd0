using GraphGuard.Api.Observability;
using GraphGuard.Api.Security;
using GraphGuard.Storage.Notifications;
using GraphGuard.Storage.Pipeline;
using GraphGuard.Storage.Service;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace GraphGuard.Api.Snapshot;

/// <summary>
/// Keeps the service current: loads the published run at start, and again whenever a publication appears —
/// told by <c>NOTIFY graphguard_published</c> on a dedicated connection, or, should a notification be lost
/// (the connection dropped), found by the periodic check of the latest publication. Keys and the pipelines'
/// statuses are refreshed on the same beat (and keys on <c>NOTIFY graphguard_keys</c>). The run's interaction
/// graph follows in the background (<see cref="PublishedGraphLoader"/>).
/// </summary>
internal sealed partial class PublicationWatcher(NpgsqlDataSource dataSource, string connectionString, ServiceState state, ApiKeyCache keys,
    ScoringServiceOptions options, PublishedGraphLoader graphs, DatabaseHealth health, CursorKey cursorKey, ILogger<PublicationWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WatchAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever failed (the database gone, a run that cannot be read), keep serving the run already
                // loaded and try again: a service that stopped here would serve nothing at all. An outage is
                // logged once (DatabaseHealth), not every second.
                if (DatabaseHealth.IsOutage(e))
                {
                    health.Failed(e);
                }
                else
                {
                    LogWatchFailed(logger, e.GetType().Name, e.Message);
                }
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WatchAsync(CancellationToken ct)
    {
        await using var listener = await NotificationListener.OpenAsync(connectionString, [NotificationChannels.Published, NotificationChannels.ApiKeys], ct)
            .ConfigureAwait(false);
        // Listening first, then loading: a publication committed in between is both loaded and notified, never neither.
        await RefreshAsync(run: true, keysToo: true, ct).ConfigureAwait(false);
        while (!ct.IsCancellationRequested)
        {
            if (!await listener.WaitAsync(options.CheckInterval, ct).ConfigureAwait(false))
            {
                await RefreshAsync(run: true, keysToo: true, ct).ConfigureAwait(false);
                continue;
            }
            var notified = listener.TakeNotified();
            await RefreshAsync(notified.Contains(NotificationChannels.Published), notified.Contains(NotificationChannels.ApiKeys), ct).ConfigureAwait(false);
        }
    }

    private async Task RefreshAsync(bool run, bool keysToo, CancellationToken ct)
    {
        if (cursorKey.Current is null)
        {
            cursorKey.Set(await ServiceSecrets.GetOrCreateAsync(dataSource, ServiceSecrets.CursorKey, ct).ConfigureAwait(false));
        }
        if (keysToo)
        {
            await keys.RefreshAsync(dataSource, ct).ConfigureAwait(false);
        }
        if (!run)
        {
            return;
        }
        var head = await PublishedRunQueries.LatestAsync(dataSource, ct).ConfigureAwait(false);
        if (head is not null && head.PublicationId != state.Run?.Head.PublicationId)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var loaded = await PublishedRunLoader.LoadAsync(dataSource, head, ct).ConfigureAwait(false);
            state.Publish(loaded);
            graphs.Follow(head, ct);
            LogLoaded(logger, head.RunId, head.PublicationId, head.Kind, loaded.AccountCount, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        state.SetPipelines(await PipelineStatusQuery.ReadAsync(dataSource, ct).ConfigureAwait(false));
        state.SetFeedback(state.Run is { } served ? await FeedbackSnapshot.LoadAsync(dataSource, served.Head.RunId, ct).ConfigureAwait(false) : null);
        health.Succeeded();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "serving run {RunId} (publication {PublicationId}, {Kind}): {Accounts} accounts loaded in {Seconds:0.00} s")]
    private static partial void LogLoaded(ILogger logger, long runId, long publicationId, string kind, int accounts, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "watching publications failed, retrying in a second: {Type}: {Message}")]
    private static partial void LogWatchFailed(ILogger logger, string type, string message);
}
