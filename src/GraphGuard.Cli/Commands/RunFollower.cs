using GraphGuard.Storage.Pipeline;
using Npgsql;

namespace GraphGuard.Cli.Commands;

/// <summary>
/// <c>jobs trigger --wait</c>: follows the run a firing creates until it ends: succeeded, or failed with no
/// retry to come. The database going away (restarted, say) is waited out with one line when it goes and one when
/// it is back, since the workers resume the run once it answers.
/// </summary>
internal sealed class RunFollower(NpgsqlDataSource dataSource, TimeSpan poll)
{
    private bool _unreachable;

    /// <summary>Exit code: 0 when the run succeeded, 1 when it failed for good.</summary>
    public async Task<int> FollowAsync(string firing, CancellationToken ct)
    {
        long? runId = null;
        var reported = "";
        while (true)
        {
            if (await ReadAsync(async () =>
                {
                    runId ??= await RunAttempts.RunOfFiringAsync(dataSource, firing, ct);
                    return runId is { } id ? await RunAttempts.ReadAsync(dataSource, id, ct) : null;
                }, ct) is { } run)
            {
                var line = run.Status switch
                {
                    "failed" when run.RetryAt is { } at => $"run {run.RunId}: attempt {run.Attempts} failed: {run.Error}; retry due {at:HH:mm:ss}Z",
                    "failed" => $"run {run.RunId}: failed: {run.Error}",
                    "running" => $"run {run.RunId}: running (attempt {run.Attempts})",
                    _ => $"run {run.RunId}: {run.Status}",
                };
                if (line != reported)
                {
                    Console.WriteLine(line);
                    reported = line;
                }
                if (run.Status == "succeeded")
                {
                    return 0;
                }
                if (run.Status == "failed" && run.RetryAt is null)
                {
                    Console.Error.WriteLine($"graphguard: run {run.RunId} failed: {run.Error}");
                    return 1;
                }
            }
            await Task.Delay(poll, ct);
        }
    }

    private async Task<T?> ReadAsync<T>(Func<Task<T?>> read, CancellationToken ct)
        where T : class
    {
        try
        {
            var value = await read();
            if (_unreachable)
            {
                Console.WriteLine("the database answers again; still following the run");
                _unreachable = false;
            }
            return value;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is NpgsqlException or TimeoutException or IOException)
        {
            if (!_unreachable)
            {
                Console.WriteLine($"the database is unreachable ({e.Message.ReplaceLineEndings(" ")}); the run is resumed or retried by the workers once it is back; still waiting");
                _unreachable = true;
            }
            return null;
        }
    }
}
