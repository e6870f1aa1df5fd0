namespace GraphGuard.Storage.Pipeline;

/// <summary>The attempt that finished a stage (<c>succeeded</c> or <c>skipped</c>): its number, status, rows and how long it took.</summary>
public sealed record FinishedAttempt(int Attempt, string Status, long Rows, TimeSpan Elapsed);
