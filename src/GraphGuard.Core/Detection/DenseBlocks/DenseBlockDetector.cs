namespace GraphGuard.Core.Detection.DenseBlocks;

/// <summary>
/// Dense blocks in the account × target engagement graph, in the spirit of FRAUDAR: like farms and bot
/// farms engage the same targets far more densely than the accounts around them, and column weighting
/// keeps their likes of popular content (camouflage) from diluting the block. Blocks are found in rounds
/// until none is left at least <see cref="DenseBlockOptions.MinLift"/> times as dense as the graph.
/// Emits <c>dense_block_density</c> and <c>dense_block_lift</c> per account (0 outside any block).
/// </summary>
public sealed class DenseBlockDetector(DenseBlockOptions? options = null) : IDetector
{
    private const int ExampleCount = 3;

    private readonly DenseBlockOptions _options = options ?? new DenseBlockOptions();

    public string Name => "dense_block";

    public DetectorResult Detect(DetectionInput input)
    {
        var n = input.Accounts.Count;
        var density = new float[n];
        var lift = new float[n];
        var clusters = new List<DetectedCluster>();
        var graph = EngagementGraph.Build(input.Graph, input.Accounts, _options.EngagementActions, _options.WeightOffset);
        var average = AverageDensity(graph);
        if (average > 0)
        {
            var search = new FraudarSearch(graph, _options.MinLift * average, _options);
            var found = 0;
            while (found < _options.MaxBlocks && search.NextRound() is { Count: > 0 } round)
            {
                // A crowd around popular targets is dense by FRAUDAR's measure, which grows with size, yet its
                // accounts each engage a few percent of its targets; it is taken out, not reported. So are
                // the thin parts a block splits off.
                foreach (var block in round.Where(b => b.Fill >= _options.MinFill && b.Density >= _options.MinLift * average).Take(_options.MaxBlocks - found))
                {
                    found++;
                    var blockLift = block.Density / average;
                    foreach (var a in block.Accounts)
                    {
                        (density[a], lift[a]) = ((float)block.Density, (float)blockLift);
                    }
                    // A small block is no cluster, but the features still tell the risk model about it.
                    if (block.Accounts.Length >= _options.MinAccounts)
                    {
                        clusters.Add(Cluster(block, blockLift));
                    }
                }
            }
        }
        return new DetectorResult(clusters, [("dense_block_density", density), ("dense_block_lift", lift)]);
    }

    /// <summary>g of the whole graph: total edge weight over the accounts with an engagement and all targets.</summary>
    private static double AverageDensity(EngagementGraph graph)
    {
        var nodes = 0;
        for (var v = 0; v < graph.NodeCount; v++)
        {
            nodes += graph.Degree(v) > 0 ? 1 : 0;
        }
        return nodes == 0 ? 0 : graph.EdgeWeights.Sum() / nodes;
    }

    private DetectedCluster Cluster(DenseBlock block, double lift)
    {
        // Core: accounts carrying at least half the mean account's weight inside the block.
        var half = block.Weight / block.Accounts.Length / 2;
        int[] core = [.. block.Accounts.Where((_, i) => block.AccountWeights[i] >= half)];
        var examples = block.Targets
            .Select((node, i) => (Node: node, Edges: block.TargetEdges[i]))
            .OrderByDescending(t => t.Edges)
            .ThenBy(t => t.Node)
            .Take(ExampleCount)
            .Select(t => t.Node)
            .ToArray();
        var numbers = new Dictionary<string, double>
        {
            ["accounts"] = block.Accounts.Length,
            ["targets"] = block.Targets.Length,
            ["edges"] = block.Edges,
            ["density"] = block.Density,
            ["lift"] = lift,
        };
        var score = (lift - 1) / (lift - 1 + _options.LiftHalfScore);
        return new DetectedCluster(Name, block.Accounts, core, Math.Clamp(score, 0, 1), [new Evidence(EvidenceKind.DenseBlock, numbers, examples)]);
    }
}
