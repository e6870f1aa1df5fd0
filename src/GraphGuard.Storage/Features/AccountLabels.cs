using GraphGuard.Core.Graph;
using Npgsql;

namespace GraphGuard.Storage.Features;

/// <summary>Account labels as the risk model and trust read them: each account's latest label.</summary>
public static class AccountLabels
{
    /// <summary>
    /// Per account index of <paramref name="accounts"/>: true when its latest label (by time; an undated label
    /// counts as oldest; abusive wins a tie, so the choice never depends on scan order) is abusive, false when benign, null when it has none or is outside the snapshot.
    /// </summary>
    public static async Task<bool?[]> ReadLatestAsync(NpgsqlDataSource dataSource, InteractionGraph graph, AccountIndex accounts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(accounts);
        var labels = new bool?[accounts.Count];
        await using var cmd = dataSource.CreateCommand(
            "select distinct on (account_id) account_id, label = 'abusive' from labels order by account_id, ts desc nulls last, label");
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var id = reader.GetInt32(0);
            var index = id < graph.NodeCount ? accounts.IndexOf(id) : -1;
            if (index >= 0)
            {
                labels[index] = reader.GetBoolean(1);
            }
        }
        return labels;
    }
}
