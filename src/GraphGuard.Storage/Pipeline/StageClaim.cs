using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Pipeline;

/// <summary>
/// One stage of one run, claimed with a session advisory lock on a connection held open until disposed, so two
/// workers never run the same stage of the same run at once, and a worker that dies lets go with its connection.
/// Under the claim, an attempt still marked <c>running</c> belongs to a dead worker.
/// </summary>
public sealed class StageClaim : IAsyncDisposable
{
    /// <summary>Run under the (run, stage) lock only: then a row still 'running' belongs to a dead worker.</summary>
    private const string AbandonDeadAttempts = """
        update stage_runs set status = 'abandoned', finished_at = now(),
            error = 'worker ' || worker || ' stopped mid-stage (its lock was free)'
        where run_id = $1 and stage = $2 and status = 'running'
        """;

    private readonly NpgsqlConnection _connection;
    private readonly long _runId;
    private readonly string _stage;

    private StageClaim(NpgsqlConnection connection, long runId, string stage) => (_connection, _runId, _stage) = (connection, runId, stage);

    /// <summary>The advisory lock's name for a stage of a run.</summary>
    public static string LockName(long runId, string stage) => $"graphguard.stage:{runId}:{stage}";

    /// <summary>Claims the stage, or null when a live worker holds it.</summary>
    public static async Task<StageClaim?> TryTakeAsync(NpgsqlDataSource dataSource, long runId, string stage, CancellationToken ct = default)
    {
        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await using var cmd = new NpgsqlCommand("select pg_try_advisory_lock(hashtextextended($1, 0))", connection);
            cmd.Parameters.Add(new NpgsqlParameter { Value = LockName(runId, stage) });
            if ((bool)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!)
            {
                return new StageClaim(connection, runId, stage);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>Marks running attempts of dead workers abandoned and the run running again; returns the new attempt's number.</summary>
    public async Task<int> StartAttemptAsync(string worker, CancellationToken ct = default)
    {
        await using var tx = await _connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(_connection, tx)
        {
            BatchCommands =
            {
                new(AbandonDeadAttempts) { Parameters = { new() { Value = _runId }, new() { Value = _stage } } },
                new("update pipeline_runs set status = 'running', error = null, finished_at = null, retry_at = null where run_id = $1 and status <> 'running'")
                {
                    Parameters = { new() { Value = _runId } },
                },
                new("""
                    insert into stage_runs (run_id, stage, attempt, status, worker)
                    select $1, $2, coalesce(max(attempt), 0) + 1, 'running', $3 from stage_runs where run_id = $1 and stage = $2
                    returning attempt
                    """) { Parameters = { new() { Value = _runId }, new() { Value = _stage }, new() { Value = worker } } },
            },
        };
        var attempt = (int)(await batch.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return attempt;
    }

    /// <summary>Ends an attempt well (<c>succeeded</c> or <c>skipped</c>) with its rows and details (JSON). Not cancellable: the work is done.</summary>
    public async Task FinishAttemptAsync(int attempt, string status, long rows, string detailsJson)
    {
        await using var finish = new NpgsqlCommand("""
            update stage_runs set status = $4, finished_at = now(), rows = $5, details = $6
            where run_id = $1 and stage = $2 and attempt = $3
            """, _connection);
        finish.Parameters.Add(new NpgsqlParameter { Value = _runId });
        finish.Parameters.Add(new NpgsqlParameter { Value = _stage });
        finish.Parameters.Add(new NpgsqlParameter { Value = attempt });
        finish.Parameters.Add(new NpgsqlParameter { Value = status });
        finish.Parameters.Add(new NpgsqlParameter { Value = rows });
        finish.Parameters.Add(new NpgsqlParameter { Value = detailsJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await finish.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Fails the attempt and the run, each with its own error. Not cancellable: it records a cancellation too.</summary>
    public async Task FailAttemptAsync(int attempt, string attemptError, string runError)
    {
        await using var batch = new NpgsqlBatch(_connection)
        {
            BatchCommands =
            {
                new("update stage_runs set status = 'failed', finished_at = now(), error = $4 where run_id = $1 and stage = $2 and attempt = $3")
                {
                    Parameters = { new() { Value = _runId }, new() { Value = _stage }, new() { Value = attempt }, new() { Value = attemptError } },
                },
                // The retry (when this attempt earned one, pipeline_runs.retry_wait) is stored with the failure, in one statement.
                new("update pipeline_runs set status = 'failed', finished_at = now(), error = $2, retry_at = now() + retry_wait where run_id = $1")
                {
                    Parameters = { new() { Value = _runId }, new() { Value = runError } },
                },
            },
        };
        await batch.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Marks attempts of this stage still running (their worker died: the lock was free) abandoned.</summary>
    public async Task AbandonDeadAttemptsAsync(CancellationToken ct = default)
    {
        await using var abandon = new NpgsqlCommand(AbandonDeadAttempts, _connection) { Parameters = { new() { Value = _runId }, new() { Value = _stage } } };
        await abandon.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Releases the lock (explicitly: a pooled connection outlives this use, and the lock is the session's) and the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var cmd = new NpgsqlCommand("select pg_advisory_unlock(hashtextextended($1, 0))", _connection);
            cmd.Parameters.Add(new NpgsqlParameter { Value = LockName(_runId, _stage) });
            await cmd.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
