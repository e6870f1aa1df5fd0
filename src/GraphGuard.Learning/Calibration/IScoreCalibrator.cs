using System.Text.Json.Serialization;

namespace GraphGuard.Learning.Calibration;

/// <summary>
/// Maps a model's score to a probability, fitted on held-out data. Serializes with System.Text.Json, a
/// <c>method</c> field naming the kind, so a model artifact can store whichever one was chosen.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "method")]
[JsonDerivedType(typeof(IsotonicCalibrator), "isotonic")]
[JsonDerivedType(typeof(PlattCalibrator), "platt")]
public interface IScoreCalibrator
{
    /// <summary>The calibrated probability of the positive class for a score (monotone in the score).</summary>
    float Calibrate(float score);
}
