using System.Runtime.InteropServices;
using GraphGuard.Jobs.Pipeline;
using Hangfire;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// One worker (<c>graphguard worker</c>): a Hangfire server on the shared storage that brings the recurring
/// jobs in line with the definitions and runs firings and retries, beside the <see cref="RunRecovery"/> sweep
/// over our run tables. Stopped, it takes no new work and waits for the runs it is driving to finish.
/// </summary>
public static class WorkerNode
{
    /// <summary>Runs the worker until SIGINT or SIGTERM, which stop it as <see cref="RunAsync"/> does: the runs it drives finish first.</summary>
    public static async Task RunUntilSignalledAsync(SchedulerSettings settings, IReadOnlyList<PipelineDefinition> definitions, PipelineWorker worker)
    {
        using var stop = new CancellationTokenSource();
        // Implementation note: the worker takes the signals itself (its host must not add a termination timeout),
        // because finishing a running stage can take longer than a command-line host would wait.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        await RunAsync(settings, definitions, worker, stop.Token).ConfigureAwait(false);

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    public static async Task RunAsync(SchedulerSettings settings, IReadOnlyList<PipelineDefinition> definitions, PipelineWorker worker, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(worker);
        var storage = settings.Configure(GlobalConfiguration.Configuration, worker.Log);
        var sync = ScheduleSync.Sync(storage, definitions);
        worker.Log($"schedules: {Names("added", sync.Added)}{Names("updated", sync.Updated)}{Names("unchanged", sync.Unchanged)}{Names("removed", sync.Removed)}".TrimEnd(' ', ';'));
        var client = new BackgroundJobClient(storage);
        var driver = new RunDriver(worker, settings, (runId, pipeline, wait) => client.Schedule<PipelineJob>(j => j.ResumeAsync(runId, pipeline), wait));
        var options = new BackgroundJobServerOptions
        {
            ServerName = PipelineRunner.ThisProcess,
            WorkerCount = settings.Threads,
            SchedulePollingInterval = settings.PollInterval,
            HeartbeatInterval = settings.CheckinInterval,
            ServerCheckInterval = settings.CheckinInterval,
            ServerTimeout = settings.CheckinInterval * 4,
            // Runs are never cut short by a stop: the worker waits for them (a killed one is resumed elsewhere).
            ShutdownTimeout = TimeSpan.FromDays(1),
            Activator = new PipelineJobActivator(driver),
        };
        using var server = new BackgroundJobServer(options, storage);
        worker.Log($"worker {PipelineRunner.ThisProcess} started with {settings.Threads} threads (Hangfire server, schema {GraphGuard.Storage.Scheduling.HangfireStore.Schema})");
        var recovery = RunRecovery.RunAsync(driver, worker, settings.PollInterval, settings.PollInterval * 2 + TimeSpan.FromSeconds(2), stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            worker.Log("stopping: no new firings; waiting for running jobs to finish");
        }
        server.SendStop();
        await recovery.ConfigureAwait(false);
        await server.WaitForShutdownAsync(CancellationToken.None).ConfigureAwait(false);
        worker.Log("stopped");
    }

    private static string Names(string what, IReadOnlyList<string> names) => names.Count == 0 ? "" : $"{what} {string.Join(", ", names)}; ";
}
