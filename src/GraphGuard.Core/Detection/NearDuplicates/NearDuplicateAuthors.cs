using System.Collections.Concurrent;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// Authors grouped by what they copy. Each author is a bag of its comparable items, each item in its
/// near-duplicate group or alone; two authors are linked when both share at least
/// <see cref="NearDuplicateOptions.MinCopies"/> items and the weighted Jaccard of their bags reaches
/// <see cref="NearDuplicateOptions.MinAuthorSimilarity"/>; each connected component of the links, weighted
/// by that similarity, is split into communities by <see cref="CommunitySplit"/>.
/// </summary>
/// <remarks>
/// Implementation note: rings reuse a few stock templates and the same few URL shorteners, so two rings
/// meet in a group of shortened links to one template while each ring's own-domain posts stay apart. The
/// bag overlap keeps most such pairs below the link threshold, but an account that posts mostly through the
/// shortener can still be as close to the other ring as to its own; connected components would then merge
/// both rings through it. A few weak links between two dense communities never pay in modularity.
/// </remarks>
internal sealed class NearDuplicateAuthors
{
    private const int Chunk = 1024;

    private NearDuplicateAuthors(int[] eligible, int[] shared, bool[] sharedGroup, int[] community, int[] communitySize)
    {
        EligibleItems = eligible;
        SharedItems = shared;
        IsSharedGroup = sharedGroup;
        Community = community;
        CommunitySize = communitySize;
    }

    /// <summary>Comparable (long enough) items per account.</summary>
    public int[] EligibleItems { get; }

    /// <summary>Items per account in a group that other authors wrote too (and that is no generic phrase).</summary>
    public int[] SharedItems { get; }

    /// <summary>Per group: written by at least two and at most <see cref="NearDuplicateOptions.MaxGroupAuthors"/> authors.</summary>
    public bool[] IsSharedGroup { get; }

    /// <summary>Community of each account, −1 for an account linked to no other.</summary>
    public int[] Community { get; }

    /// <summary>Accounts per community.</summary>
    public int[] CommunitySize { get; }

    private readonly record struct Share(int Id, int Items);

    public static NearDuplicateAuthors Link(ShingleSets sets, NearDuplicateGroups groups, int[] authors, int accountCount, NearDuplicateOptions options)
    {
        var eligible = new int[accountCount];
        var memberships = new List<ulong>();
        for (var s = 0; s < sets.Count; s++)
        {
            var author = authors[sets.Items[s]];
            eligible[author]++;
            if (groups.GroupOf[s] >= 0)
            {
                memberships.Add(((ulong)groups.GroupOf[s] << 32) | (uint)author);
            }
        }
        memberships.Sort();
        var (byGroup, groupStart, sharedGroup) = GroupAuthors(memberships, groups.Count, options.MaxGroupAuthors);
        var (byAccount, accountStart) = AccountGroups(byGroup, groupStart, sharedGroup, accountCount);
        var sharedItems = new int[accountCount];
        for (var a = 0; a < accountCount; a++)
        {
            for (var k = accountStart[a]; k < accountStart[a + 1]; k++)
            {
                sharedItems[a] += byAccount[k].Items;
            }
        }
        var links = new ConcurrentBag<List<(int A, int B, float Similarity)>>();
        Parallel.ForEach(Partitioner.Create(0, accountCount, Chunk), range =>
        {
            var local = new List<(int, int, float)>();
            var overlap = new Dictionary<int, int>();
            for (var a = range.Item1; a < range.Item2; a++)
            {
                if (sharedItems[a] < options.MinCopies)
                {
                    continue;
                }
                overlap.Clear();
                for (var k = accountStart[a]; k < accountStart[a + 1]; k++)
                {
                    var (g, mine) = byAccount[k];
                    for (var m = groupStart[g]; m < groupStart[g + 1]; m++)
                    {
                        var (b, theirs) = byGroup[m];
                        if (b > a && sharedItems[b] >= options.MinCopies)
                        {
                            overlap[b] = overlap.GetValueOrDefault(b) + Math.Min(mine, theirs);
                        }
                    }
                }
                foreach (var (b, common) in overlap)
                {
                    var similarity = (double)common / (eligible[a] + eligible[b] - common);
                    if (similarity >= options.MinAuthorSimilarity)
                    {
                        local.Add((a, b, (float)similarity));
                    }
                }
            }
            links.Add(local);
        });
        var (community, sizes) = Communities([.. links.SelectMany(l => l).Order()], accountCount, options);
        return new NearDuplicateAuthors(eligible, sharedItems, sharedGroup, community, sizes);
    }

    /// <summary>
    /// Communities of the linked accounts, one connected component of the links at a time (numbered in
    /// account order). Modularity over all components at once would merge two small rings for a handful of
    /// links between them: the larger the graph, the cheaper a small community's outside links look
    /// (modularity's resolution limit). Within a ring, modularity would split by which template members
    /// favour; <see cref="NearDuplicateOptions.MaxCutShare"/> merges such halves back. Components too small
    /// to be a cluster stay whole.
    /// </summary>
    private static (int[] Community, int[] Sizes) Communities(List<(int A, int B, float Similarity)> links, int accountCount, NearDuplicateOptions options)
    {
        var components = new DisjointSets(accountCount);
        foreach (var (a, b, _) in links)
        {
            components.Union(a, b);
        }
        var members = new SortedDictionary<int, List<int>>();
        foreach (var a in links.SelectMany(l => new[] { l.A, l.B }).Distinct().Order())
        {
            var root = components.Find(a);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
            }
            list.Add(a);
        }
        var linksOf = links.GroupBy(l => components.Find(l.A)).ToDictionary(g => g.Key, g => g.ToList());
        var community = new int[accountCount];
        Array.Fill(community, -1);
        var sizes = new List<int>();
        foreach (var (root, accounts) in members)
        {
            var membership = accounts.Count < options.MinAccounts ? new int[accounts.Count] : Split(accounts, linksOf[root], options.MaxCutShare);
            var first = sizes.Count;
            for (var i = 0; i < accounts.Count; i++)
            {
                while (sizes.Count <= first + membership[i])
                {
                    sizes.Add(0);
                }
                community[accounts[i]] = first + membership[i];
                sizes[first + membership[i]]++;
            }
        }
        return (community, [.. sizes]);
    }

    /// <summary>Communities (dense from 0) of one component's accounts, ascending, under its links.</summary>
    private static int[] Split(List<int> accounts, List<(int A, int B, float Similarity)> links, double maxCutShare)
    {
        using var edges = new EdgeList(links.Count);
        foreach (var (a, b, similarity) in links)
        {
            edges.Add(accounts.BinarySearch(a), accounts.BinarySearch(b), similarity);
        }
        return CommunitySplit.Run(accounts.Count, edges, maxCutShare);
    }

    /// <summary>(author, items) per group from sorted (group, author) memberships, and which groups link authors.</summary>
    private static (Share[] ByGroup, int[] Start, bool[] Shared) GroupAuthors(List<ulong> memberships, int groupCount, int maxAuthors)
    {
        var byGroup = new List<Share>();
        var start = new int[groupCount + 1];
        for (var i = 0; i < memberships.Count;)
        {
            var j = i + 1;
            while (j < memberships.Count && memberships[j] == memberships[i])
            {
                j++;
            }
            byGroup.Add(new Share((int)(uint)memberships[i], j - i));
            start[(int)(memberships[i] >> 32) + 1]++;
            i = j;
        }
        var shared = new bool[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            shared[g] = start[g + 1] >= 2 && start[g + 1] <= maxAuthors;
            start[g + 1] += start[g];
        }
        return ([.. byGroup], start, shared);
    }

    /// <summary>(group, items) per account over the shared groups, by counting sort on the author.</summary>
    private static (Share[] ByAccount, int[] Start) AccountGroups(Share[] byGroup, int[] groupStart, bool[] shared, int accountCount)
    {
        var start = new int[accountCount + 1];
        for (var g = 0; g < shared.Length; g++)
        {
            for (var m = groupStart[g]; shared[g] && m < groupStart[g + 1]; m++)
            {
                start[byGroup[m].Id + 1]++;
            }
        }
        for (var a = 0; a < accountCount; a++)
        {
            start[a + 1] += start[a];
        }
        var byAccount = new Share[start[accountCount]];
        var cursor = (int[])start.Clone();
        for (var g = 0; g < shared.Length; g++)
        {
            for (var m = groupStart[g]; shared[g] && m < groupStart[g + 1]; m++)
            {
                byAccount[cursor[byGroup[m].Id]++] = new Share(g, byGroup[m].Items);
            }
        }
        return (byAccount, start);
    }
}
