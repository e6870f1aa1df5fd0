using GraphGuard.Jobs.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// One node of the scheduler cluster (<c>graphguard worker</c>): brings the store in line with the
/// definitions, fires due pipeline jobs until stopped, then stops taking work and waits for the jobs it is
/// running to finish.
/// </summary>
public static class WorkerNode
{
    public static async Task RunAsync(SchedulerSettings settings, IReadOnlyList<PipelineDefinition> definitions, PipelineWorker worker, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var scheduler = await PipelineScheduler.CreateAsync(settings, services => services.AddSingleton(worker), stop).ConfigureAwait(false);
        try
        {
            var sync = await ScheduleSync.SyncAsync(scheduler, definitions, stop).ConfigureAwait(false);
            worker.Log($"schedules: {Names("added", sync.Added)}{Names("updated", sync.Updated)}{Names("unchanged", sync.Unchanged)}{Names("removed", sync.Removed)}".TrimEnd(' ', ';'));
            await scheduler.Start(stop).ConfigureAwait(false);
            worker.Log($"worker {await scheduler.GetSchedulerInstanceId(stop).ConfigureAwait(false)} ({PipelineRunner.ThisProcess}) started with {settings.Threads} threads");
            await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            worker.Log("stopping: no new firings; waiting for running jobs to finish");
        }
        finally
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None).ConfigureAwait(false);
        }
        worker.Log("stopped");
    }

    private static string Names(string what, IReadOnlyList<string> names) => names.Count == 0 ? "" : $"{what} {string.Join(", ", names)}; ";
}
