namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>What a near-duplicate cluster's members copied: items, weakest link, spam scores, and items per group for examples.</summary>
internal sealed class ClusterCopies
{
    private readonly Dictionary<int, List<int>> _itemsByGroup = [];

    public int Items { get; private set; }

    public double MinSimilarity { get; private set; } = 1;

    public double SpamSum { get; private set; }

    public int Scored { get; private set; }

    public void Add(int item, int group, float groupSimilarity, float spam)
    {
        Items++;
        MinSimilarity = Math.Min(MinSimilarity, groupSimilarity);
        if (!float.IsNaN(spam))
        {
            SpamSum += spam;
            Scored++;
        }
        if (!_itemsByGroup.TryGetValue(group, out var items))
        {
            _itemsByGroup[group] = items = [];
        }
        items.Add(item);
    }

    /// <summary>The first few items of the group the members copied most (the lower group on ties).</summary>
    public IEnumerable<int> Examples(int count) =>
        _itemsByGroup.OrderByDescending(g => g.Value.Count).ThenBy(g => g.Key).Select(g => g.Value).FirstOrDefault([]).Take(count);
}
