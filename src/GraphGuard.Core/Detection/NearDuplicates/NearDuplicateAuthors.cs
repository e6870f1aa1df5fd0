using System.Collections.Concurrent;

namespace GraphGuard.Core.Detection.NearDuplicates;

/// <summary>
/// Authors linked by what they copy. Each author is a bag of its comparable items, each item in its
/// near-duplicate group or alone; two authors are linked when the weighted Jaccard of their bags reaches
/// <see cref="NearDuplicateOptions.MinAuthorSimilarity"/>, and linked authors form components.
/// </summary>
/// <remarks>
/// Implementation note: linking authors that merely share a group would chain rings together. Rings reuse
/// a few stock templates and the same few URL shorteners, so two rings meet in a group of shortened links
/// to one template, while each ring's own-domain posts stay apart. The bag overlap counts how much of what
/// two authors post is the same text: most of it within a ring, a small part across rings.
/// </remarks>
internal sealed class NearDuplicateAuthors
{
    private const int Chunk = 1024;

    private NearDuplicateAuthors(int[] eligible, int[] shared, bool[] sharedGroup, bool[] linked, DisjointSets components)
    {
        EligibleItems = eligible;
        SharedItems = shared;
        IsSharedGroup = sharedGroup;
        Linked = linked;
        Components = components;
    }

    /// <summary>Comparable (long enough) items per account.</summary>
    public int[] EligibleItems { get; }

    /// <summary>Items per account in a group that other authors wrote too (and that is no generic phrase).</summary>
    public int[] SharedItems { get; }

    /// <summary>Per group: written by at least two and at most <see cref="NearDuplicateOptions.MaxGroupAuthors"/> authors.</summary>
    public bool[] IsSharedGroup { get; }

    /// <summary>Accounts linked to at least one other.</summary>
    public bool[] Linked { get; }

    /// <summary>Components of the author links, over account indices.</summary>
    public DisjointSets Components { get; }

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
        var links = new ConcurrentBag<List<(int A, int B)>>();
        Parallel.ForEach(Partitioner.Create(0, accountCount, Chunk), range =>
        {
            var local = new List<(int, int)>();
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
                    if ((double)common / (eligible[a] + eligible[b] - common) >= options.MinAuthorSimilarity)
                    {
                        local.Add((a, b));
                    }
                }
            }
            links.Add(local);
        });
        var components = new DisjointSets(accountCount);
        var linked = new bool[accountCount];
        foreach (var (a, b) in links.SelectMany(l => l))
        {
            components.Union(a, b);
            linked[a] = linked[b] = true;
        }
        return new NearDuplicateAuthors(eligible, sharedItems, sharedGroup, linked, components);
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
