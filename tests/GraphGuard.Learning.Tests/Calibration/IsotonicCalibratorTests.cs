using System.Text.Json;
using GraphGuard.Learning.Calibration;

namespace GraphGuard.Learning.Tests.Calibration;

public sealed class IsotonicCalibratorTests
{
    [Test]
    public void Pool_adjacent_violators_averages_each_violating_run()
    {
        // 3 > 2 and 4 > 3 violate the order: each pair pools to its mean.
        var fit = IsotonicCalibrator.Regress([1, 2, 3, 4, 5, 6], [1, 3, 2, 4, 3, 5]);

        Assert.That(fit.Thresholds, Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(fit.Values, Is.EqualTo(new[] { 1, 2.5, 2.5, 3.5, 3.5, 5 }));
    }

    [Test]
    public void A_violation_pools_backwards_through_earlier_blocks()
    {
        // 5 then 0 pools to 2.5, which is below 3: all three pool to 8 / 3 (the ends stay as points).
        var fit = IsotonicCalibrator.Regress([1, 2, 3], [3, 5, 0]);

        Assert.That(fit.Thresholds, Is.EqualTo(new double[] { 1, 3 }));
        Assert.That(fit.Values, Is.EqualTo(new[] { 8.0 / 3, 8.0 / 3 }).Within(1e-12));
    }

    [Test]
    public void Labels_fit_with_tied_scores_pooled_and_flat_inner_points_dropped()
    {
        // Scores 2 and 2 hold one positive of two; the middle block 0.5 spans 2..5 and keeps only its ends.
        var fit = IsotonicCalibrator.Fit([1, 2, 2, 3, 4, 5, 6], [false, true, false, true, false, false, true]);

        Assert.That(fit.Thresholds, Is.EqualTo(new double[] { 1, 2, 5, 6 }));
        Assert.That(fit.Values, Is.EqualTo(new[] { 0, 0.4, 0.4, 1 }).Within(1e-12));
    }

    [Test]
    public void Calibration_interpolates_between_points_and_clamps_outside()
    {
        var calibrator = new IsotonicCalibrator([1, 3], [0.2, 0.6]);

        Assert.That(calibrator.Calibrate(2), Is.EqualTo(0.4f).Within(1e-6));
        Assert.That(calibrator.Calibrate(1), Is.EqualTo(0.2f));
        Assert.That(calibrator.Calibrate(-10), Is.EqualTo(0.2f));
        Assert.That(calibrator.Calibrate(10), Is.EqualTo(0.6f));
    }

    [Test]
    public void A_fit_is_monotone_and_keeps_the_positive_count([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        var scores = new float[500];
        var labels = new bool[500];
        for (int i = 0; i < scores.Length; i++)
        {
            scores[i] = MathF.Round((float)random.NextDouble(), 2);
            labels[i] = random.NextDouble() < scores[i];
        }

        var fit = IsotonicCalibrator.Fit(scores, labels);
        float[] grid = [.. Enumerable.Range(-10, 121).Select(i => i / 100f)];
        float[] calibrated = [.. grid.Select(fit.Calibrate)];

        Assert.That(calibrated, Is.Ordered.And.All.InRange(0f, 1f));

        // Least squares puts each pooled block at its mean, so the fitted values add up to the positives.
        double fittedSum = scores.Sum(s => (double)fit.Calibrate(s));
        Assert.That(fittedSum, Is.EqualTo(labels.Count(l => l)).Within(1e-3));
    }

    [Test]
    public void It_saves_to_json_and_loads_back_through_the_interface()
    {
        IScoreCalibrator calibrator = new IsotonicCalibrator([0.1, 0.5, 0.9], [0, 0.3, 1]);

        string json = JsonSerializer.Serialize(calibrator);
        var loaded = (IsotonicCalibrator)JsonSerializer.Deserialize<IScoreCalibrator>(json)!;

        Assert.That(json, Does.Contain("\"method\":\"isotonic\""));
        Assert.That(loaded.Thresholds, Is.EqualTo(new[] { 0.1, 0.5, 0.9 }));
        Assert.That(loaded.Values, Is.EqualTo(new[] { 0, 0.3, 1 }));
    }

    [Test]
    public void Points_out_of_order_are_refused() =>
        Assert.Throws<ArgumentException>(() => _ = new IsotonicCalibrator([0.5, 0.1], [0, 1]));
}
