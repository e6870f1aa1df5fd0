using GraphGuard.Core.Detection;

namespace GraphGuard.Core.Tests.Detection;

public sealed class VerificationFittingTests
{
    private static CandidateCluster Candidate(string detector, double score, int first, int count, double copies = 0)
    {
        int[] members = [.. Enumerable.Range(first, count)];
        var evidence = new Evidence(EvidenceKind.NearDuplicateContent, new Dictionary<string, double> { ["items"] = copies * count, ["accounts"] = count }, []);
        return new CandidateCluster(members, members, [new DetectedCluster(detector, members, members, score, [evidence])], score);
    }

    /// <summary>Accounts 0–99 are campaign "ring" (family spam_ring); 100–199 are a news wave (look-alike).</summary>
    private static DetectionScorecard Score(IReadOnlyList<int[]> clusters)
    {
        var truth = Enumerable.Range(0, 100).ToDictionary(a => a.ToString(), _ => ("ring-1", "spam_ring"));
        var lookalikes = Enumerable.Range(100, 100).ToDictionary(a => a.ToString(), _ => "news_sharing_wave");
        return DetectionEvaluation.Score([.. clusters.Select(c => (IReadOnlyList<string>)[.. c.Select(a => a.ToString())])], truth, lookalikes);
    }

    [Test]
    public void Fitting_moves_a_threshold_only_when_the_fitted_families_gain_from_it()
    {
        // The ring copies 3 texts each: below the default habit bar of 4, so by default it is halved away;
        // the news wave copies once each and must stay out whatever is fitted.
        IReadOnlyList<CandidateCluster> candidates = [Candidate("near_duplicate", 0.9, 0, 100, copies: 3), Candidate("near_duplicate", 0.9, 100, 100, copies: 1)];

        var atDefaults = Score([.. CoordinationDetection.Verified(candidates, new VerificationOptions()).Select(v => v.Candidate.Members)]);
        var (fitted, card) = VerificationFitting.Fit(candidates, Score);

        Assert.Multiple(() =>
        {
            Assert.That(atDefaults.Patterns.Single().Recall, Is.Zero);
            Assert.That(card.Patterns.Single().Recall, Is.EqualTo(1));
            Assert.That(card.BenignFlagged, Is.Zero);
            Assert.That(fitted.MinCopiesPerAccount, Is.InRange(1.5, 3));
        });
    }

    [Test]
    public void With_nothing_to_gain_the_defaults_stay()
    {
        IReadOnlyList<CandidateCluster> candidates = [Candidate("co_activity", 0.9, 0, 100)];

        var (fitted, _) = VerificationFitting.Fit(candidates, Score);

        Assert.That(fitted, Is.EqualTo(new VerificationOptions()));
    }
}
