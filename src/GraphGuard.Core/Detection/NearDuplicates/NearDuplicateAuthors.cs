using System.Collections.Concurrent;
using GraphGuard.Core.Graph;
using GraphGuard.Core.Graph.Algorithms;

namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// Authors grouped by what they copy. Each author is a bag of its comparable items, each item in its
/// near-duplicate group or alone; two authors are linked when the weighted Jaccard of their bags reaches
/// <see cref="NearDuplicateOptions.MinAuthorSimilarity"/>, and the links, weighted by that similarity,
/// are split into communities by modularity (Louvain with Leiden refinement).
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
                overlap.Clear();
                for (var k = accountStart[a]; k < accountStart[a + 1]; k++)
                {
                    var (g, mine) = byAccount[k];
                    for (var m = groupStart[g]; m < groupStart[g + 1]; m++)
                    {
                        var (b, theirs) = byGroup[m];
                        if (b > a)
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
        var (community, sizes) = Communities([.. links.SelectMany(l => l).Order()], accountCount);
        return new NearDuplicateAuthors(eligible, sharedItems, sharedGroup, community, sizes);
    }

    /// <summary>Louvain communities of the linked accounts (numbered densely among them, in account order).</summary>
    private static (int[] Community, int[] Sizes) Communities(List<(int A, int B, float Similarity)> links, int accountCount)
    {
        var local = new int[accountCount];
        Array.Fill(local, -1);
        var accounts = new List<int>();
        foreach (var a in links.SelectMany(l => new[] { l.A, l.B }).Distinct().Order())
        {
            local[a] = accounts.Count;
            accounts.Add(a);
        }
        using var edges = new EdgeList(links.Count);
        foreach (var (a, b, similarity) in links)
        {
            edges.Add(local[a], local[b], similarity);
        }
        using var graph = CsrGraph.Build(accounts.Count, edges, new CsrBuildOptions { Undirected = true, Weighted = true });
        var membership = Louvain.Run(graph).Membership;
        var community = new int[accountCount];
        Array.Fill(community, -1);
        var sizes = new int[accounts.Count];
        for (var i = 0; i < accounts.Count; i++)
        {
            community[accounts[i]] = membership[i];
            sizes[membership[i]]++;
        }
        return (community, sizes);
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
