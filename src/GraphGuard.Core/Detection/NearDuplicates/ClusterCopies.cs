namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>What a near-duplicate cluster's members copied: items, weakest link, upstream and in-house spam scores, and items per group for examples.</summary>
internal sealed class ClusterCopies
{
    private readonly Dictionary<int, List<int>> _itemsByGroup = [];

    public int Items { get; private set; }

    public double MinSimilarity { get; private set; } = 1;

    public double SpamSum { get; private set; }

    public int Scored { get; private set; }

    /// <summary>Sum of our own spam model's scores (<c>gg_spam</c>) over the copies it scored.</summary>
    public double ModelSpamSum { get; private set; }

    public int ModelScored { get; private set; }

    public void Add(int item, int group, float groupSimilarity, float spam, float modelSpam)
    {
        Items++;
        MinSimilarity = Math.Min(MinSimilarity, groupSimilarity);
        if (!float.IsNaN(spam))
        {
            SpamSum += spam;
            Scored++;
        }
        if (!float.IsNaN(modelSpam))
        {
            ModelSpamSum += modelSpam;
            ModelScored++;
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
