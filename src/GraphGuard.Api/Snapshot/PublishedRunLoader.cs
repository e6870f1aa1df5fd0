using System.Text.Json;
using GraphGuard.Storage.Service;
using Npgsql;

namespace GraphGuard.Api.Snapshot;

/// <summary>Builds the in-memory <see cref="PublishedRun"/> of a publication's run.</summary>
internal static class PublishedRunLoader
{
    /// <summary>Every score of the publication's run, with the clusters each account is in.</summary>
    public static async Task<PublishedRun> LoadAsync(NpgsqlDataSource dataSource, PublicationHead head, CancellationToken ct)
    {
        var (clustersOf, clusterCount) = await ClustersAsync(dataSource, head.RunId, ct).ConfigureAwait(false);
        var encoded = new Dictionary<string, JsonEncodedText>(StringComparer.Ordinal);
        JsonEncodedText Intern(string s)
        {
            if (!encoded.TryGetValue(s, out var e))
            {
                encoded[s] = e = JsonEncodedText.Encode(s);
            }
            return e;
        }
        var accounts = new Dictionary<string, AccountRisk>(StringComparer.Ordinal);
        await foreach (var score in PublishedRunQueries.ScoresAsync(dataSource, head.RunId, ct).ConfigureAwait(false))
        {
            var band = string.Intern(score.Band);
            accounts[score.ExternalId] = new AccountRisk(score.ExternalId, score.Score, score.Margin, band, Intern(band), Array.ConvertAll(score.Reasons, Intern),
                score.ReasonContributions.Length == 0 ? [] : score.ReasonContributions,
                clustersOf.TryGetValue(score.EntityId, out var clusters) ? [.. clusters] : []);
        }
        return new PublishedRun(head, accounts, clusterCount);
    }

    /// <summary>The run's clusters per member account (entities.id), best cluster first.</summary>
    private static async Task<(Dictionary<int, List<ClusterRef>> ByAccount, int Count)> ClustersAsync(NpgsqlDataSource dataSource, long runId, CancellationToken ct)
    {
        var clusters = new Dictionary<long, ClusterRef>();
        var detectorNames = new Dictionary<string, JsonEncodedText>(StringComparer.Ordinal);
        foreach (var (clusterId, score, names) in await PublishedRunQueries.ClustersAsync(dataSource, runId, ct).ConfigureAwait(false))
        {
            var detectors = Array.ConvertAll(names, d => detectorNames.TryGetValue(d, out var e) ? e : detectorNames[d] = JsonEncodedText.Encode(d));
            clusters[clusterId] = new ClusterRef(clusterId, score, detectors);
        }
        var byAccount = new Dictionary<int, List<ClusterRef>>();
        foreach (var (account, clusterId) in await PublishedRunQueries.MembershipsAsync(dataSource, runId, ct).ConfigureAwait(false))
        {
            if (!byAccount.TryGetValue(account, out var list))
            {
                byAccount[account] = list = [];
            }
            list.Add(clusters[clusterId]);
        }
        foreach (var list in byAccount.Values)
        {
            list.Sort((a, b) => b.Score.CompareTo(a.Score));
        }
        return (byAccount, clusters.Count);
    }
}
