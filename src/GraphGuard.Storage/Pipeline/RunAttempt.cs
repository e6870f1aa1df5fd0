namespace GraphGuard.Storage.Pipeline;

/// <summary>Where a run stands between attempts, as <c>pipeline_runs</c> holds it.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Pipeline">Its pipeline's name.</param>
/// <param name="Status"><c>running</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Attempts">Attempts started so far (0: created, not started).</param>
/// <param name="Parameters">The definition the run started with (JSON, as its file would say it).</param>
/// <param name="RetryAt">When a failed run's retry is due; null when none is to come.</param>
/// <param name="RetryDue">Whether <paramref name="RetryAt"/> has come, by the database's clock.</param>
/// <param name="Error">The failure, if any.</param>
public sealed record RunAttempt(long RunId, string Pipeline, string Status, int Attempts, string Parameters, DateTime? RetryAt, bool RetryDue, string? Error);
