using GraphGuard.Core.Features;
using GraphGuard.Learning.Risk;

namespace GraphGuard.Learning.Tests.Risk;

/// <summary>A <see cref="RiskWorld"/> with a model trained on it; disposing frees both.</summary>
internal sealed record TrainedRiskWorld(RiskInput Input, RiskModel Model, FeatureMatrix Features) : IDisposable
{
    public const int Accounts = 600;

    public static TrainedRiskWorld Create(int seed, RiskTrainingOptions options, string version = "test")
    {
        var input = RiskWorld.Create(Accounts, seed);
        try
        {
            var (model, features) = RiskTrainer.Train(input, options, version, "a planted world");
            return new TrainedRiskWorld(input, model, features);
        }
        catch
        {
            input.Relations.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Model.Dispose();
        Input.Relations.Dispose();
    }
}
