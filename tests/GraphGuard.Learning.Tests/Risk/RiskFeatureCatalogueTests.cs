using GraphGuard.Learning.Risk;

namespace GraphGuard.Learning.Tests.Risk;

public sealed class RiskFeatureCatalogueTests
{
    [TestCase("infra_cluster_size", 12f, "shares devices/IPs with 12 accounts in a cluster")]
    [TestCase("abusive_neighbors_infrastructure", 12f, "shares devices/IPs with 12 accounts labeled abusive")]
    [TestCase("lockstep_max_shared_targets", 7f, "acted in step with other accounts on 7 targets")]
    [TestCase("content_spam_flagged_share", 0.25f, "25% of its posts were flagged spam")]
    [TestCase("content_toxicity_max", 0.875f, "its posts score up to 0.875 for toxicity")]
    [TestCase("out_like", 1500f, "made 1,500 likes")]
    [TestCase("out_to_device", 3f, "acted 3 times on devices")]
    [TestCase("profile_display_name_digits", 4f, "has profile field display name digits = 4")]
    [TestCase("trust", 0.00123f, "receives trust 0.00123 from established accounts")]
    [TestCase("account_age_days", float.NaN, "has no value for account_age_days")]
    public void A_feature_reads_as_a_sentence_with_its_value(string feature, float value, string sentence)
    {
        Assert.That(RiskFeatureCatalogue.Describe(feature, value), Is.EqualTo(sentence));
    }

    [Test]
    public void An_unknown_feature_reads_as_its_name_and_value()
    {
        Assert.That(RiskFeatureCatalogue.Describe("f_37", 2.5f), Is.EqualTo("has f_37 = 2.5"));
        Assert.That(RiskFeatureCatalogue.Knows("f_37"), Is.False);
    }

    [TestCase("out_degree")]
    [TestCase("shared_context_ties")]
    [TestCase("community_density")]
    [TestCase("max_adamic_adar")]
    [TestCase("cluster_detectors")]
    [TestCase("burst_cluster_size")]
    [TestCase("dup_items_share")]
    [TestCase("dense_block_lift")]
    [TestCase("co_activity_surprise")]
    [TestCase("reciprocal_block_size")]
    [TestCase("reciprocal_engagement_block_size")]
    [TestCase("sage_15")]
    public void Every_feature_the_pipeline_makes_is_known(string feature)
    {
        Assert.That(RiskFeatureCatalogue.Knows(feature), Is.True);
    }
}
