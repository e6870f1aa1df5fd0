using GraphGuard.Learning.Content;
using GraphGuard.Learning.Evaluation;

namespace GraphGuard.Learning.Tests.Content;

public sealed class TextClassifierTests
{
    private static readonly string[] Pitches = ["earn cash fast", "free followers now", "cheap likes here", "win a prize today"];

    /// <summary>Spam pitches a link among ordinary words; ordinary posts are random words. 5% of labels are flipped.</summary>
    private static (List<string> Texts, bool[] Spam) Corpus(int seed, int count)
    {
        var random = new Random(seed);
        var texts = new List<string>();
        var spam = new bool[count];
        for (int i = 0; i < count; i++)
        {
            bool isSpam = random.NextDouble() < 0.2;
            var words = Enumerable.Range(0, random.Next(4, 10)).Select(_ => "w" + random.Next(300));
            texts.Add(isSpam ? $"{Pitches[random.Next(4)]} {string.Join(' ', words.Take(3))} https://promo{random.Next(5)}.example" : string.Join(' ', words));
            spam[i] = random.NextDouble() < 0.05 ? !isSpam : isSpam;
        }
        return (texts, spam);
    }

    [Test]
    public void It_separates_spam_from_ordinary_posts_it_never_saw()
    {
        var (train, trainSpam) = Corpus(1, 2_000);
        var (test, testSpam) = Corpus(2, 1_000);

        var scores = TextClassifier.Train(train, trainSpam).Predict(test);

        Assert.That(BinaryMetrics.Auroc(scores, testSpam), Is.GreaterThan(0.9));
        Assert.That(scores, Is.All.InRange(0f, 1f));
    }

    [Test]
    public void The_same_verdicts_give_the_same_model_and_a_saved_model_predicts_the_same()
    {
        var (train, spam) = Corpus(3, 800);
        var (test, _) = Corpus(4, 200);
        var model = TextClassifier.Train(train, spam);

        var again = TextClassifier.Train(train, spam).Predict(test);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = TextClassifier.Load(stream).Predict(test);

        Assert.That(again, Is.EqualTo(model.Predict(test)));
        Assert.That(loaded, Is.EqualTo(model.Predict(test)));
    }

    [Test]
    public void Texts_and_labels_must_pair_up()
    {
        Assert.Throws<ArgumentException>(() => TextClassifier.Train(["a"], [true, false]));
    }
}
