using System.Globalization;
using System.Text;
using GraphGuard.Core.Domain;
using GraphGuard.Storage.Service;
using GraphGuard.Storage.Snapshots;
using Npgsql;
using NpgsqlTypes;

namespace GraphGuard.Storage.Export;

/// <summary>
/// The published run as neo4j-admin import CSVs (see <see cref="Neo4jImportFiles"/>): accounts with their published
/// score and band and every entity they touched in the run's window, one node per entity keyed <c>kind:external id</c>
/// and labelled by kind; relations aggregated by (actor, target, action) with counts and first/last times, typed by
/// action; clusters as nodes with MEMBER_OF relations from their members. cypher/ holds the model and queries.
/// </summary>
public static class Neo4jExport
{
    public const string MemberOf = "MEMBER_OF";

    private const string InWindow = "($2::timestamptz is null or ts >= $2) and ($3::timestamptz is null or ts < $3)";

    /// <summary>Writes the four files into <paramref name="folder"/> (created if missing); fails when no run is published.</summary>
    public static async Task<Neo4jExportSummary> WriteAsync(NpgsqlDataSource dataSource, string folder, CancellationToken ct = default)
    {
        var head = await PublishedRunQueries.LatestAsync(dataSource, ct).ConfigureAwait(false)
            ?? throw new InvalidDataException("no run is published yet: run the pipeline (graphguard run) first");
        Directory.CreateDirectory(folder);
        var nodes = await WriteAsync(folder, Neo4jImportFiles.Nodes, Neo4jImportFiles.NodesHeader, dataSource, head, """
            select e.kind, e.external_id, s.score, s.band from entities e left join risk_scores s on s.run_id = $1 and s.account_id = e.id
            where s.account_id is not null
               or e.id in (select actor_id from events where {window} union select target_id from events where {window})
            """, r => [Key(r, 0), r.GetString(1), Kind(r, 0).ToString().ToLowerInvariant(), r.IsDBNull(2) ? "" : Float(r.GetFloat(2)), r.IsDBNull(3) ? "" : r.GetString(3),
                Kind(r, 0).ToString()], ct).ConfigureAwait(false);
        var relations = await WriteAsync(folder, Neo4jImportFiles.Relations, Neo4jImportFiles.RelationsHeader, dataSource, head, """
            select a.kind, a.external_id, t.kind, t.external_id, upper(x.name), r.n, r.first_at, r.last_at
            from (select actor_id, target_id, action, count(*) as n, min(ts) as first_at, max(ts) as last_at from events where {window} group by 1, 2, 3) r
            join entities a on a.id = r.actor_id join entities t on t.id = r.target_id join actions x on x.code = r.action
            """, r => [Key(r, 0), Key(r, 2), r.GetString(4), r.GetInt64(5).ToString(CultureInfo.InvariantCulture), Time(r.GetDateTime(6)), Time(r.GetDateTime(7))],
            ct).ConfigureAwait(false);
        var clusters = await WriteAsync(folder, Neo4jImportFiles.Clusters, Neo4jImportFiles.ClustersHeader, dataSource, head, """
            select c.cluster_id, c.score, c.size, c.core_size, c.detectors,
                   coalesce((select sentence from cluster_evidence v where v.cluster_id = c.cluster_id order by ordinal limit 1), '')
            from clusters c join detection_runs d using (detection_run_id) where d.pipeline_run_id = $1
            """, r => [$"cluster:{r.GetInt64(0)}", r.GetInt64(0).ToString(CultureInfo.InvariantCulture), Float(r.GetFloat(1)), r.GetInt32(2).ToString(CultureInfo.InvariantCulture),
                r.GetInt32(3).ToString(CultureInfo.InvariantCulture), string.Join(';', (string[])r[4]), r.GetString(5), "Cluster"], ct).ConfigureAwait(false);
        var members = await WriteAsync(folder, Neo4jImportFiles.Members, Neo4jImportFiles.MembersHeader, dataSource, head, """
            select e.kind, e.external_id, m.cluster_id, m.role
            from cluster_members m join clusters c using (cluster_id) join detection_runs d using (detection_run_id) join entities e on e.id = m.account_id
            where d.pipeline_run_id = $1
            """, r => [Key(r, 0), $"cluster:{r.GetInt64(2)}", MemberOf, r.GetString(3)], ct).ConfigureAwait(false);
        return new Neo4jExportSummary(head.RunId, nodes, relations, clusters, members);
    }

    private static async Task<long> WriteAsync(string folder, string file, string header, NpgsqlDataSource dataSource, PublicationHead head, string sql,
        Func<NpgsqlDataReader, string[]> row, CancellationToken ct)
    {
        // Every query gets the run and its window ($2, $3 typed, so a query that does not use them still runs).
        await using var cmd = dataSource.CreateCommand(sql.Replace("{window}", InWindow, StringComparison.Ordinal));
        cmd.CommandTimeout = 0;
        cmd.Parameters.Add(new NpgsqlParameter { Value = head.RunId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)head.Window.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)head.Window.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var path = Path.Combine(folder, file);
        // Written beside and moved into place, so a failed export never leaves a half file under the name.
        var partial = path + ".partial";
        long rows = 0;
        await using (var writer = new StreamWriter(partial, append: false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync(header.AsMemory(), ct).ConfigureAwait(false);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            var line = new StringBuilder();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                line.Clear();
                foreach (var field in row(reader))
                {
                    if (line.Length > 0)
                    {
                        line.Append(',');
                    }
                    Quote(line, field);
                }
                await writer.WriteLineAsync(line, ct).ConfigureAwait(false);
                rows++;
            }
        }
        File.Move(partial, path, overwrite: true);
        return rows;
    }

    /// <summary>Every field quoted, quotes doubled, line breaks flattened (neo4j-admin reads one record per line by default).</summary>
    private static void Quote(StringBuilder line, string field) =>
        line.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ')).Append('"');

    private static EntityKind Kind(NpgsqlDataReader r, int ordinal) => (EntityKind)r.GetInt16(ordinal);

    private static string Key(NpgsqlDataReader r, int kindOrdinal) => $"{Kind(r, kindOrdinal).ToString().ToLowerInvariant()}:{r.GetString(kindOrdinal + 1)}";

    private static string Float(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Time(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
