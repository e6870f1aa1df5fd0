using Npgsql;

namespace GraphGuard.Storage.Pipeline;

/// <summary>The latest run of each pipeline, from <c>pipeline_runs</c>.</summary>
public static class PipelineStatusQuery
{
    public static async Task<List<PipelineStatus>> ReadAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var cmd = dataSource.CreateCommand("""
            select distinct on (pipeline) pipeline, run_id, status, coalesce(finished_at, created_at)
            from pipeline_runs order by pipeline, run_id desc
            """);
        var list = new List<PipelineStatus>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new PipelineStatus(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetDateTime(3)));
        }
        return list;
    }
}
