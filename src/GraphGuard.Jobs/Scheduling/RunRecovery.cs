using GraphGuard.Storage.Pipeline;
using GraphGuard.Workflows.Pipeline;
using Npgsql;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// The worker's sweep, at start and every poll: runs <c>running</c> with their pipeline's lease free (their
/// driver died or lost the database) are resumed, or given up once their attempts are spent; failed runs whose
/// retry is overdue (its Hangfire job was never stored, say because the database was down) are retried. It reads
/// only our run tables, so it works whatever state Hangfire's storage is in.
/// </summary>
public static class RunRecovery
{
    /// <summary>Sweeps until <paramref name="stop"/>; a run being driven is finished before it returns.</summary>
    /// <param name="driver">The worker's driver.</param>
    /// <param name="worker">Store and log.</param>
    /// <param name="poll">Time between sweeps.</param>
    /// <param name="grace">How long past its due time a retry is left to its Hangfire job before the sweep takes it.</param>
    /// <param name="stop">Stops sweeping.</param>
    public static async Task RunAsync(RunDriver driver, PipelineWorker worker, TimeSpan poll, TimeSpan grace, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(worker);
        var unreachable = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                foreach (var (runId, pipeline) in await RunAttempts.NeedingAWorkerAsync(worker.DataSource, grace, stop).ConfigureAwait(false))
                {
                    if (stop.IsCancellationRequested)
                    {
                        break;
                    }
                    await driver.TryDriveAsync(runId, pipeline).ConfigureAwait(false);
                }
                if (unreachable)
                {
                    worker.Log("recovery: the database answers again");
                    unreachable = false;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or RunBrokeOffException or TimeoutException or IOException)
            {
                // Pooled connections that a database restart broke would each fail once more: start the pool afresh.
                worker.DataSource.Clear();
                if (!unreachable)
                {
                    worker.Log($"recovery: the database is unreachable ({OutageCause.Of(e)}); looking again every {poll.TotalSeconds:0.#} s");
                    unreachable = true;
                }
            }
            try
            {
                await Task.Delay(poll, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
