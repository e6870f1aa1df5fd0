using GraphGuard.Core.Detection;
using Npgsql;

namespace GraphGuard.Storage.Detection;

/// <summary>
/// Gives the clusters of a detection run being stored their campaigns, inside <see cref="ClusterStore"/>'s
/// transaction: a cluster that continues one of the previous run's clusters (<see cref="CampaignMatching"/>)
/// keeps its campaign; when a pipeline run's detection is replaced, the campaigns the replaced run had started
/// are matched next, so running the same run again gives the same ids; any other cluster starts a campaign.
/// </summary>
internal sealed class CampaignTracking
{
    // Two runs stored at once would both continue the same previous clusters; one at a time.
    private const long LockKey = 0x6767_6361_6d70_6169; // "ggcampai"

    private readonly List<Observed> _previous;
    private readonly List<Observed> _replaced;

    private CampaignTracking(List<Observed> previous, List<Observed> replaced) => (_previous, _replaced) = (previous, replaced);

    /// <summary>What a stored cluster says about its campaign.</summary>
    public readonly record struct Assignment(long? CampaignId, long? PreviousClusterId, int? PreviousSize, int Joined, int Left);

    private sealed record Observed(long ClusterId, long CampaignId, int[] Members);

    /// <summary>
    /// Takes the lock and reads what matching needs: the campaigns <paramref name="replacedRun"/> (about to be
    /// deleted) started, and the clusters of the latest detection run other than it.
    /// </summary>
    public static async Task<CampaignTracking> BeginAsync(NpgsqlConnection connection, int? replacedRun, CancellationToken ct)
    {
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_xact_lock($1)", connection) { Parameters = { new() { Value = LockKey } } })
        {
            await lockCmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        var replaced = replacedRun is { } run
            ? await ReadAsync(connection, "c.detection_run_id = $1 and k.first_seen_run = $1", run, ct).ConfigureAwait(false)
            : [];
        var previous = await ReadAsync(connection,
            "c.detection_run_id = (select max(detection_run_id) from detection_runs where detection_run_id <> $1)", replacedRun ?? 0, ct).ConfigureAwait(false);
        return new CampaignTracking(previous, replaced);
    }

    /// <summary>Each current cluster's campaign (null: a new one) and its membership change; members are sorted account ids.</summary>
    public Assignment[] Assign(IReadOnlyList<int[]> current)
    {
        var result = new Assignment[current.Count];
        var continued = CampaignMatching.Match([.. _previous.Select(o => o.Members)], current);
        var open = Enumerable.Range(0, current.Count).Where(c => continued[c] < 0).ToList();
        var restarted = CampaignMatching.Match([.. _replaced.Select(o => o.Members)], [.. open.Select(c => current[c])]);
        for (var c = 0; c < current.Count; c++)
        {
            if (continued[c] >= 0)
            {
                var before = _previous[continued[c]];
                var common = Common(before.Members, current[c]);
                result[c] = new Assignment(before.CampaignId, before.ClusterId, before.Members.Length, current[c].Length - common, before.Members.Length - common);
            }
            else
            {
                result[c] = new Assignment(null, null, null, current[c].Length, 0);
            }
        }
        for (var i = 0; i < open.Count; i++)
        {
            if (restarted[i] >= 0)
            {
                result[open[i]] = result[open[i]] with { CampaignId = _replaced[restarted[i]].CampaignId };
            }
        }
        return result;
    }

    /// <summary>
    /// Writes the campaigns' side once the run's clusters are stored: first seen for the campaigns the replaced run
    /// had started and this run restarted, last seen for all of this run's; drops the replaced run's campaigns
    /// that were not restarted (no cluster is left in them); and moves last seen back for campaigns whose last run
    /// was the replaced one.
    /// </summary>
    public async Task FinishAsync(NpgsqlConnection connection, int runId, IEnumerable<Assignment> assignments, CancellationToken ct)
    {
        var kept = assignments.Select(a => a.CampaignId).ToHashSet();
        var replaced = _replaced.Select(o => o.CampaignId).ToArray();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new("""
                    update campaigns k set last_seen_run = d.detection_run_id, last_seen = d.created_at,
                        first_seen_run = case when k.campaign_id = any($2) then d.detection_run_id else k.first_seen_run end,
                        first_seen = case when k.campaign_id = any($2) then d.created_at else k.first_seen end,
                        first_size = case when k.campaign_id = any($2) then c.size else k.first_size end
                    from clusters c join detection_runs d using (detection_run_id)
                    where c.detection_run_id = $1 and c.campaign_id = k.campaign_id
                    """) { Parameters = { new() { Value = runId }, new() { Value = replaced.Where(id => kept.Contains(id)).ToArray() } } },
                new("delete from campaigns where campaign_id = any($1)") { Parameters = { new() { Value = replaced.Where(id => !kept.Contains(id)).ToArray() } } },
                new("""
                    update campaigns k set last_seen_run = latest.detection_run_id, last_seen = latest.created_at
                    from (select distinct on (c.campaign_id) c.campaign_id, d.detection_run_id, d.created_at
                          from clusters c join detection_runs d using (detection_run_id)
                          order by c.campaign_id, d.detection_run_id desc) latest
                    where k.last_seen_run is null and latest.campaign_id = k.campaign_id
                    """),
            },
        };
        await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A new campaign, first and last seen in <paramref name="runId"/>, for a cluster of <paramref name="size"/> accounts that starts one.</summary>
    public static async Task<long> StartAsync(NpgsqlConnection connection, int runId, int size, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into campaigns (first_seen_run, first_seen, first_size, last_seen_run, last_seen)
            select detection_run_id, created_at, $2, detection_run_id, created_at from detection_runs where detection_run_id = $1
            returning campaign_id
            """, connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = runId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = size });
        return (long)(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    private static async Task<List<Observed>> ReadAsync(NpgsqlConnection connection, string where, int run, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select c.cluster_id, c.campaign_id, array_agg(m.account_id order by m.account_id)
            from clusters c join campaigns k using (campaign_id) join cluster_members m using (cluster_id)
            where {where} group by c.cluster_id, c.campaign_id order by c.cluster_id
            """, connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = run });
        var list = new List<Observed>();
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(new Observed(reader.GetInt64(0), reader.GetInt64(1), (int[])reader[2]));
        }
        return list;
    }

    private static int Common(int[] a, int[] b)
    {
        var (i, j, n) = (0, 0, 0);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                (i, j, n) = (i + 1, j + 1, n + 1);
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return n;
    }
}
