using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Features;

/// <summary>How tied an account is to others by shared context: ties, their total and strongest weight.</summary>
public static class SharedContextFeatures
{
    public static void Add(FeatureTable table, AccountProjection projection)
    {
        var ties = table.Add("shared_context_ties");
        var strength = table.Add("shared_context_strength");
        var strongest = table.Add("shared_context_max_tie");
        var g = projection.Graph;
        Parallel.For(0, g.NodeCount, a =>
        {
            var weights = g.NeighborWeights(a);
            ties[a] = weights.Length;
            var sum = 0f;
            var max = 0f;
            foreach (var w in weights)
            {
                sum += w;
                max = Math.Max(max, w);
            }
            strength[a] = sum;
            strongest[a] = max;
        });
    }
}
