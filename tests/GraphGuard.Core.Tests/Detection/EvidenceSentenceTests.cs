using GraphGuard.Core.Detection;

namespace GraphGuard.Core.Tests.Detection;

public sealed class EvidenceSentenceTests
{
    [Test]
    public void Shared_infrastructure_reads_as_a_sentence_with_named_examples()
    {
        var evidence = new Evidence(EvidenceKind.SharedInfrastructure,
            new Dictionary<string, double> { ["accounts"] = 37, ["devices"] = 4, ["ips"] = 1, ["hours"] = 2, ["top_accounts"] = 30 }, [7]);
        Assert.That(EvidenceSentence.Render(evidence, n => $"device d{n}"),
            Is.EqualTo("37 accounts used 4 devices, 1 IP within 2 hours; the busiest, device d7, served 30 of them"));
    }

    [Test]
    public void Every_kind_has_a_sentence()
    {
        foreach (var kind in Enum.GetValues<EvidenceKind>())
        {
            var sentence = EvidenceSentence.Render(new Evidence(kind, new Dictionary<string, double>(), [1]), n => "x");
            Assert.That(sentence, Is.Not.Empty, kind.ToString());
        }
    }
}
