using GraphGuard.Storage.Pipeline;
using Npgsql;

namespace GraphGuard.Workflows.Pipeline;

/// <summary>
/// Follows the run a scheduler firing creates until it ends: succeeded, or failed with no retry to come. Each new
/// state is told once as a line. The database going away (restarted, say) is waited out with one line when it goes
/// and one when it is back, since the workers resume the run once it answers.
/// </summary>
/// <param name="dataSource">The store the workers write the run to.</param>
/// <param name="poll">How long to wait between reads.</param>
/// <param name="say">Told each line for the user.</param>
public sealed class RunFollower(NpgsqlDataSource dataSource, TimeSpan poll, Action<string> say)
{
    private bool _unreachable;

    /// <summary>The run as it ended: <see cref="RunAttempt.Status"/> is <c>succeeded</c> or <c>failed</c> (for good).</summary>
    public async Task<RunAttempt> FollowAsync(string firing, CancellationToken ct = default)
    {
        long? runId = null;
        var reported = "";
        while (true)
        {
            if (await ReadAsync(async () =>
                {
                    runId ??= await RunAttempts.RunOfFiringAsync(dataSource, firing, ct).ConfigureAwait(false);
                    return runId is { } id ? await RunAttempts.ReadAsync(dataSource, id, ct).ConfigureAwait(false) : null;
                }, ct).ConfigureAwait(false) is { } run)
            {
                var line = Describe(run);
                if (line != reported)
                {
                    say(line);
                    reported = line;
                }
                if (run.Status == "succeeded" || (run.Status == "failed" && run.RetryAt is null))
                {
                    return run;
                }
            }
            await Task.Delay(poll, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The line a run's state is told with.</summary>
    private static string Describe(RunAttempt run) => run.Status switch
    {
        "failed" when run.RetryAt is { } at => $"run {run.RunId}: attempt {run.Attempts} failed: {run.Error}; retry due {at:HH:mm:ss}Z",
        "failed" => $"run {run.RunId}: failed: {run.Error}",
        "running" => $"run {run.RunId}: running (attempt {run.Attempts})",
        _ => $"run {run.RunId}: {run.Status}",
    };

    private async Task<T?> ReadAsync<T>(Func<Task<T?>> read, CancellationToken ct)
        where T : class
    {
        try
        {
            var value = await read().ConfigureAwait(false);
            if (_unreachable)
            {
                say("the database answers again; still following the run");
                _unreachable = false;
            }
            return value;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is NpgsqlException or TimeoutException or IOException)
        {
            if (!_unreachable)
            {
                say($"the database is unreachable ({OutageCause.Of(e)}); the run is resumed or retried by the workers once it is back; still waiting");
                _unreachable = true;
            }
            return null;
        }
    }
}
