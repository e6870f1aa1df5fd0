using GraphGuard.Core.Detection;

namespace GraphGuard.Core.Tests.Detection;

public sealed class ClusterVerificationTests
{
    private static DetectedCluster Found(string detector, double score, params (string Name, double Value)[] numbers) =>
        new(detector, [1, 2, 3], [1, 2, 3], score, [new Evidence(EvidenceKind.SharedInfrastructure, numbers.ToDictionary(n => n.Name, n => n.Value), [])]);

    [Test]
    public void A_school_registered_together_on_one_address_is_explained_and_drops_below_the_bar()
    {
        var (score, explanation) = ClusterVerification.Verify([Found("creation_burst", 0.98)], 0.98, new VerificationOptions());

        Assert.That(score, Is.LessThan(new VerificationOptions().MinScore));
        Assert.That(explanation!["reason"], Is.EqualTo((int)ClusterVerification.Explanation.RegisteredTogetherOnly));
        Assert.That(EvidenceSentence.Render(explanation, _ => ""), Does.Contain("school"));
    }

    [Test]
    public void Shared_addresses_alone_are_explained_but_shared_devices_are_not()
    {
        var (addresses, why) = ClusterVerification.Verify([Found("shared_infrastructure", 0.9, ("ips", 3))], 0.9, new VerificationOptions());
        var (devices, none) = ClusterVerification.Verify([Found("shared_infrastructure", 0.9, ("ips", 3), ("devices", 2))], 0.9, new VerificationOptions());

        Assert.Multiple(() =>
        {
            Assert.That(addresses, Is.EqualTo(0.45).Within(1e-9));
            Assert.That(why!["reason"], Is.EqualTo((int)ClusterVerification.Explanation.SharedAddressesOnly));
            Assert.That(devices, Is.EqualTo(0.9));
            Assert.That(none, Is.Null);
        });
    }

    [Test]
    public void Detectors_reading_the_same_timing_signal_do_not_corroborate_each_other_but_independent_ones_do()
    {
        var (timingOnly, _) = ClusterVerification.Verify([Found("lockstep", 0.9), Found("dense_block", 0.9)], 0.99, new VerificationOptions());
        var (independent, explanation) = ClusterVerification.Verify([Found("lockstep", 0.9), Found("creation_burst", 0.9)], 0.99, new VerificationOptions());

        Assert.That(timingOnly, Is.EqualTo(0.495).Within(1e-9));
        Assert.That(independent, Is.EqualTo(0.99));
        Assert.That(explanation, Is.Null);
    }

    [Test]
    public void A_flagged_cluster_keeps_the_members_with_evidence_of_their_own_and_drops_riders()
    {
        // A brigade found by co-activity (self-tested), merged with a lockstep group that also holds fans of
        // its victim, and a dense block of those fans: only the brigade, and whoever two signals saw, stay.
        int[] brigade = [1, 2, 3, 4, 5];
        int[] fans = [10, 11, 12];
        DetectedCluster Cluster(string detector, int[] members) => new(detector, members, members, 0.9, []);
        var sources = new[]
        {
            Cluster("co_activity", brigade),
            Cluster("lockstep", [.. brigade, .. fans, 20, 30, 31, 32, 33]),
            Cluster("dense_block", fans),
            Cluster("creation_burst", [5, 20]),
        };
        int[] all = [.. brigade, .. fans, 20, 30, 31, 32, 33];
        var candidate = new CandidateCluster(all, all, sources, 0.99);

        var (kept, score, _) = CoordinationDetection.Verified([candidate], new VerificationOptions()).Single();

        Assert.That(kept.Members, Is.EqualTo(new[] { 1, 2, 3, 4, 5, 20 }), "20: lockstep and creation_burst are two signals; lockstep's group is mostly others");
        Assert.That(kept.Core, Is.EqualTo(kept.Members));
        Assert.That(score, Is.EqualTo(0.99));
        // A pod: the reciprocal test finds its core, lockstep the same pod and one more member, who stays.
        var pod = new CandidateCluster([1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6], [Cluster("reciprocal_engagement", [1, 2, 3, 4, 5]), Cluster("lockstep", [1, 2, 3, 4, 5, 6])], 0.99);
        Assert.That(CoordinationDetection.Verified([pod], new VerificationOptions()).Single().Candidate.Members, Is.EqualTo(new[] { 1, 2, 3, 4, 5, 6 }));
        var agreeing = new CandidateCluster([1, 2, 3, 9], [1, 2, 3, 9], [Cluster("lockstep", [1, 2, 3, 9]), Cluster("creation_burst", [1, 2, 3])], 0.99);
        Assert.That(CoordinationDetection.Verified([agreeing], new VerificationOptions()).Single().Candidate.Members, Is.EqualTo(new[] { 1, 2, 3, 9 }), "no self-tested witness: agreement vouches for the group");
    }
}
