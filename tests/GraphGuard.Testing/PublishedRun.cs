using GraphGuard.Storage.Pipeline;
using Npgsql;

namespace GraphGuard.Testing;

/// <summary>
/// Published runs for the service's tests and the serving benchmarks: scored runs written as rows into the real
/// tables (no mocks), published by the pipeline's own publication code, so the service cannot tell them from a
/// pipeline's runs.
/// </summary>
public static partial class PublishedRun
{
    /// <summary>A succeeded run scoring accounts 1..<paramref name="accounts"/> (entities.id): account i+1 scores <paramref name="scoreOf"/>(i); returns its run id.</summary>
    public static async Task<long> ScoredAsync(NpgsqlDataSource dataSource, string modelVersion, Func<int, float> scoreOf, int accounts = 15)
    {
        long runId;
        await using (var cmd = dataSource.CreateCommand(
            "insert into pipeline_runs (pipeline, trigger, status, model_version, finished_at) values ('daily', 'manual', 'succeeded', $1, now()) returning run_id"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = modelVersion });
            runId = (long)(await cmd.ExecuteScalarAsync())!;
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var writer = await connection.BeginBinaryImportAsync("copy risk_scores (run_id, account_id, score, margin, band, reasons) from stdin (format binary)");
        for (var i = 0; i < accounts; i++)
        {
            var score = scoreOf(i);
            await writer.WriteRowAsync(default, runId, i + 1, score, (float)Math.Log(score / (1 - score + 1e-6) + 1e-6), BandOf(score),
                new[] { $"shares device d1 with {i} accounts", "account is new" });
        }
        await writer.CompleteAsync();
        return runId;
    }

    /// <summary>The band a score falls in with the test bands: high from 0.8, medium from 0.5.</summary>
    public static string BandOf(float score) => score >= 0.8f ? "high" : score >= 0.5f ? "medium" : "low";

    /// <summary>
    /// Publishes <paramref name="runId"/> with the pipeline's own publication code; without <paramref name="notify"/>,
    /// a publication whose notification was lost.
    /// </summary>
    public static async Task<long> PublishAsync(NpgsqlDataSource dataSource, long runId, string kind = "publish", bool notify = true) =>
        (await PublicationStore.PublishAsync(dataSource, runId, rollback: kind == "rollback", note: null, notify, default)).PublicationId;
}
