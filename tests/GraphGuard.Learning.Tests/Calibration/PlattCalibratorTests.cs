using System.Text.Json;
using GraphGuard.Learning.Calibration;

namespace GraphGuard.Learning.Tests.Calibration;

public sealed class PlattCalibratorTests
{
    [Test]
    public void Two_points_are_fitted_exactly_to_platts_smoothed_targets()
    {
        // Targets 2/3 at s = 1 and 1/3 at s = -1: A + B = -ln 2 and -A + B = ln 2, so A = -ln 2, B = 0.
        var fit = PlattCalibrator.Fit([-1, 1], [false, true]);

        Assert.That(fit.A, Is.EqualTo(-Math.Log(2)).Within(1e-5));
        Assert.That(fit.B, Is.EqualTo(0).Within(1e-5));
        Assert.That(fit.Calibrate(1), Is.EqualTo(2f / 3).Within(1e-5));
    }

    [Test]
    public void It_recovers_the_logistic_that_generated_the_labels()
    {
        // P(positive | s) = 1 / (1 + exp(-2 s + 1)): A = -2, B = 1.
        var random = new Random(5);
        var scores = new float[20000];
        var labels = new bool[scores.Length];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = (float)((random.NextDouble() * 6) - 3);
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp((-2 * scores[i]) + 1));
        }

        var fit = PlattCalibrator.Fit(scores, labels);

        Assert.That(fit.A, Is.EqualTo(-2).Within(0.1));
        Assert.That(fit.B, Is.EqualTo(1).Within(0.1));
        Assert.That(GradientNorm(fit, scores, labels), Is.LessThan(1e-4));
        Assert.That(fit.Calibrate(-3), Is.LessThan(fit.Calibrate(0)).And.LessThan(fit.Calibrate(3)));
    }

    [Test]
    public void Separable_labels_still_give_finite_parameters()
    {
        var fit = PlattCalibrator.Fit([-2, -1, 1, 2], [false, false, true, true]);
        Assert.That(double.IsFinite(fit.A) && double.IsFinite(fit.B), Is.True);
        Assert.That(fit.Calibrate(2), Is.LessThan(1f));
    }

    [Test]
    public void It_saves_to_json_and_loads_back_through_the_interface()
    {
        IScoreCalibrator calibrator = new PlattCalibrator(-1.5, 0.25);

        string json = JsonSerializer.Serialize(calibrator);

        Assert.That(json, Does.Contain("\"method\":\"platt\""));
        Assert.That(JsonSerializer.Deserialize<IScoreCalibrator>(json), Is.EqualTo(calibrator));
    }

    /// <summary>Gradient of the cross-entropy to Platt's targets, computed independently of the fit.</summary>
    private static double GradientNorm(PlattCalibrator fit, float[] scores, bool[] labels)
    {
        int positives = labels.Count(l => l);
        double high = (positives + 1.0) / (positives + 2.0), low = 1.0 / (labels.Length - positives + 2.0);
        double ga = 0, gb = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double p = 1 / (1 + Math.Exp((fit.A * scores[i]) + fit.B));
            double residual = (labels[i] ? high : low) - p;
            ga += scores[i] * residual;
            gb += residual;
        }

        return Math.Sqrt((ga * ga) + (gb * gb)) / scores.Length;
    }
}
