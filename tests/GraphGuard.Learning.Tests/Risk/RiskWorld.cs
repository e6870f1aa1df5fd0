using GraphGuard.Core.Features;
using GraphGuard.Core.Graph;
using GraphGuard.Learning.Risk;
using GraphGuard.Learning.Sage;

namespace GraphGuard.Learning.Tests.Risk;

/// <summary>
/// A small planted risk problem: rings of abusive accounts densely tied to each other in the first relation,
/// benign accounts tied at random; one feature leans toward abuse, one is noise with gaps. A share of the
/// accounts carries its label.
/// </summary>
internal static class RiskWorld
{
    public const int Rings = 4;
    public const int RingSize = 25;

    public static RiskInput Create(int accounts, int seed, double labeledShare = 0.5)
    {
        var random = new Random(seed);
        var abusive = new bool[accounts];
        var ties = new List<(int, int)>();
        for (var ring = 0; ring < Rings; ring++)
        {
            var start = ring * (accounts / Rings);
            for (var a = start; a < start + RingSize; a++)
            {
                abusive[a] = true;
                for (var b = a + 1; b < start + RingSize; b++)
                {
                    if (random.NextDouble() < 0.4)
                    {
                        ties.Add((a, b));
                    }
                }
            }
        }
        var follows = new List<(int, int)>();
        for (var e = 0; e < accounts * 2; e++)
        {
            (random.NextDouble() < 0.5 ? ties : follows).Add((random.Next(accounts), random.Next(accounts)));
        }
        var values = new float[accounts * 2];
        var labels = new bool?[accounts];
        for (var a = 0; a < accounts; a++)
        {
            values[2 * a] = (float)(random.NextDouble() + (abusive[a] ? 0.6 : 0));
            values[(2 * a) + 1] = random.NextDouble() < 0.2 ? float.NaN : (float)random.NextDouble();
            labels[a] = random.NextDouble() < labeledShare ? abusive[a] : null;
        }
        var features = new FeatureMatrix(["infra_cluster_size", "out_like"], [.. Enumerable.Range(0, accounts)], values);
        var graph = new SageGraph(accounts,
        [
            new SageRelation(RiskRelations.Infrastructure, TestGraphs.Undirected(accounts, ties)),
            new SageRelation(RiskRelations.Follows, TestGraphs.Undirected(accounts, follows)),
        ]);
        return new RiskInput(features, new RiskRelations(graph), labels);
    }

    /// <summary>Whether an account is abusive (the rings' members).</summary>
    public static bool IsAbusive(int account, int accounts) => account % (accounts / Rings) < RingSize && account / (accounts / Rings) < Rings;

    /// <summary>Small and fast: few rounds, a tiny embedding trained for one epoch.</summary>
    public static RiskTrainingOptions FastOptions => new()
    {
        Rounds = 60,
        EarlyStoppingRounds = 10,
        MinIsotonicClassCount = 10,
        Booster = new RiskTrainingOptions().Booster with { LearningRate = 0.3, Threads = 2 },
        Embedding = new SageOptions { HiddenDims = [8, 4], FanOuts = [5, 5], Epochs = 1, BatchSize = 128, Seed = 3 },
    };
}
