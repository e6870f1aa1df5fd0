using GraphGuard.Core.Detection;
using GraphGuard.Core.Detection.Media;
using GraphGuard.Core.Domain;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Tests.Detection;

/// <summary>
/// A hand-built snapshot for detector tests: accounts are nodes 0 .. accounts−1 (so node = account index),
/// content nodes follow them. Edges name their action; content comes as (author, text, spam score).
/// </summary>
internal sealed class DetectionWorld : IDisposable
{
    public static readonly string[] Actions = ["", "follow", "like", "comment", "share", "view"];

    private DetectionWorld(InteractionGraph graph, DetectionInput input)
    {
        Graph = graph;
        Input = input;
    }

    public InteractionGraph Graph { get; }

    public DetectionInput Input { get; }

    /// <summary>Graph node of content item <paramref name="item"/>.</summary>
    public int ContentNode(int item) => Input.Accounts.Count + item;

    public static DetectionWorld Create(int accounts, int contents, IEnumerable<(int Actor, int Target, string Action)> edges)
        => Create(accounts, contents, edges, []);

    /// <summary>A world whose content items are posts with media only (no words), in order.</summary>
    public static DetectionWorld WithMedia(int accounts, IReadOnlyList<(int Author, ulong Hash)> posts) =>
        Create(accounts, 0, [], [.. posts.Select(p => (p.Author, "", float.NaN))], new ContentMedia([.. posts.Select((_, i) => i)], [.. posts.Select(p => p.Hash)]));

    /// <summary>A world whose content items are <paramref name="posts"/>, in order; NaN spam means unscored.</summary>
    public static DetectionWorld Create(int accounts, int contents, IEnumerable<(int Actor, int Target, string Action)> edges, IReadOnlyList<(int Author, string Text, float Spam)> posts,
        ContentMedia? media = null)
    {
        contents = Math.Max(contents, posts.Count);
        var kinds = Enumerable.Repeat((byte)EntityKind.Account, accounts).Concat(Enumerable.Repeat((byte)EntityKind.Content, contents)).ToArray();
        var builder = new InteractionGraphBuilder(kinds, DateTime.UnixEpoch, Actions);
        var batch = builder.NewBatch();
        var time = 0;
        foreach (var (actor, target, action) in edges)
        {
            batch.Add(actor, target, (byte)Array.IndexOf(Actions, action), time++);
        }
        var graph = builder.Build();
        var index = new AccountIndex(graph);
        var corpus = new ContentCorpus(
            [.. posts.Select((_, i) => accounts + i)],
            [.. posts.Select(p => p.Author)],
            [.. posts.Select(p => p.Text)],
            new Dictionary<string, float[]> { ["spam"] = [.. posts.Select(p => p.Spam)] },
            media);
        var input = new DetectionInput { Graph = graph, Accounts = index, CreatedAt = new long[accounts], Content = corpus, AsOf = time };
        return new DetectionWorld(graph, input);
    }

    /// <summary>A feature column by name.</summary>
    public static float[] Feature(DetectorResult result, string name) => result.Features.Single(f => f.Name == name).Values;

    public void Dispose() => Graph.Dispose();
}
