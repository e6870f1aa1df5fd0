using GraphGuard.Core.Features;
using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Tests.Graph;

public sealed class GraphFeaturesTests
{
    [Test]
    public void Activity_and_shared_context_features_describe_each_account()
    {
        // Accounts 0-2, device 3, content 4. Account 0 follows 1 twice-over days, logs in on device 3 with 1.
        byte[] kinds = [1, 1, 1, 3, 2];
        var builder = new InteractionGraphBuilder(kinds, DateTime.UnixEpoch, ["", "follow", "login", "like"]);
        var b = builder.NewBatch();
        b.Add(0, 1, 1, 0);
        b.Add(0, 3, 2, 86_400);
        b.Add(1, 3, 2, 90_000);
        b.Add(2, 1, 1, 172_800);
        b.Add(0, 4, 3, 172_801);
        using var graph = builder.Build();
        using var projection = SharedContextProjection.Build(graph, new ProjectionOptions());
        long[] created = [0, 86_400, long.MinValue];

        var m = GraphFeatures.Compute(graph, projection, created, DateTime.UnixEpoch.AddDays(10), [0]);

        Assert.That(m.AccountIds, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(m[0, "out_follow"], Is.EqualTo(1));
        Assert.That(m[0, "out_login"], Is.EqualTo(1));
        Assert.That(m[0, "out_to_device"], Is.EqualTo(1));
        Assert.That(m[0, "out_degree"], Is.EqualTo(3));
        Assert.That(m[1, "followers"], Is.EqualTo(2));
        Assert.That(m[0, "distinct_devices"], Is.EqualTo(1));
        Assert.That(m[0, "active_days"], Is.EqualTo(3));
        Assert.That(m[0, "account_age_days"], Is.EqualTo(10));
        Assert.That(m[1, "account_age_days"], Is.EqualTo(9));
        Assert.That(float.IsNaN(m[2, "account_age_days"]), Is.True, "unknown creation time is missing, not zero");
        Assert.That(m[0, "shared_context_ties"], Is.EqualTo(1), "0 and 1 share device 3");
        Assert.That(m[0, "shared_context_max_tie"], Is.EqualTo((float)Math.Log(3.0 / 2)).Within(1e-6));
        Assert.That(m[2, "shared_context_ties"], Is.Zero);
        Assert.That(m.Row(1).Length, Is.EqualTo(m.ColumnCount));
        Assert.That((m[0, "component_size"], m[1, "component_size"], m[2, "component_size"]), Is.EqualTo((2f, 2f, 1f)));
        Assert.That((m[0, "core_number"], m[2, "core_number"]), Is.EqualTo((1f, 0f)));
        Assert.That(m[0, "triangles"], Is.Zero);
        Assert.That(m[0, "lpa_community_size"], Is.EqualTo(2));
        Assert.That((m[0, "community_size"], m[0, "community_density"]), Is.EqualTo((2f, 1f)), "0 and 1 form a community of one tie");
        Assert.That(m[1, "pagerank"], Is.GreaterThan(m[0, "pagerank"]), "1 is followed by 0 and 2");
        Assert.That(m[0, "trust"] + m[1, "trust"], Is.GreaterThan(0), "trust stays in the seed's region");
        Assert.That(m[2, "trust"], Is.Zero, "none reaches the unconnected account");
        Assert.That(float.IsNaN(m[0, "max_jaccard"]), Is.False);
    }
}
