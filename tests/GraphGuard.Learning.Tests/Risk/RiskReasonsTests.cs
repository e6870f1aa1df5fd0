using GraphGuard.Learning.Risk;

namespace GraphGuard.Learning.Tests.Risk;

public sealed class RiskReasonsTests
{
    private static readonly string[] Names = ["infra_cluster_size", "lockstep_max_shared_targets", "account_age_days", "sage_0", "sage_1", "out_like"];

    [Test]
    public void Reasons_are_the_largest_positive_contributions_largest_first_with_the_value_in_the_sentence()
    {
        float[] contributions = [0.8f, 1.5f, -2.0f, 0.1f, 0.05f, 0.3f, -1.2f];
        float[] values = [44, 61, 3, 0.2f, -0.4f, 12];

        var reasons = RiskReasons.Top(contributions, Names, values, 3);

        Assert.That(reasons.Select(r => r.Key), Is.EqualTo(new[] { "lockstep_max_shared_targets", "infra_cluster_size", "out_like" }));
        Assert.That(reasons.Select(r => r.Contribution), Is.Ordered.Descending);
        Assert.That(reasons[0].Text, Is.EqualTo("acted in step with other accounts on 61 targets"));
        Assert.That(reasons[1].Text, Is.EqualTo("shares devices/IPs with 44 accounts in a cluster"));
        Assert.That(reasons[2].Value, Is.EqualTo(12f));
    }

    [Test]
    public void Features_that_lowered_the_risk_and_the_bias_are_never_reasons()
    {
        float[] contributions = [-0.8f, -1.5f, 0.4f, -0.1f, -0.05f, 0, 9];
        float[] values = [44, 61, 3, 0.2f, -0.4f, 12];

        var reasons = RiskReasons.Top(contributions, Names, values, 5);

        Assert.That(reasons, Has.Count.EqualTo(1));
        Assert.That(reasons[0].Key, Is.EqualTo("account_age_days"));
        Assert.That(reasons[0].Text, Is.EqualTo("is 3 days old"));
    }

    [Test]
    public void Embedding_dimensions_form_one_reason_whose_contribution_is_their_sum()
    {
        float[] contributions = [0.3f, 0, 0, 0.25f, 0.2f, 0, 0];
        float[] values = [44, 61, 3, 0.2f, -0.4f, 12];

        var reasons = RiskReasons.Top(contributions, Names, values, 2);

        Assert.That(reasons[0].Key, Is.EqualTo(RiskFeatureCatalogue.EmbeddingReason));
        Assert.That(reasons[0].Contribution, Is.EqualTo(0.45f).Within(1e-6));
        Assert.That(reasons[0].Value, Is.NaN);
        Assert.That(reasons[0].Text, Does.Contain("GraphSAGE"));
        Assert.That(reasons[1].Key, Is.EqualTo("infra_cluster_size"));
    }

    [Test]
    public void Contributions_must_hold_one_per_feature_and_the_bias()
    {
        Assert.Throws<ArgumentException>(() => RiskReasons.Top(new float[Names.Length], Names, new float[Names.Length], 3));
    }
}
