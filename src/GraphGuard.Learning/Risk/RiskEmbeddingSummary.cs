namespace GraphGuard.Learning.Risk;

/// <summary>The GraphSAGE embedding of a risk model, as the model card describes it.</summary>
/// <param name="Dimension">Floats per account.</param>
/// <param name="InputFeatures">Features it embeds from.</param>
/// <param name="Relations">The relations it aggregates over.</param>
/// <param name="LayerDims">Output width per layer.</param>
/// <param name="EpochLosses">Link-prediction loss per epoch.</param>
/// <param name="EpochSeconds">Seconds per epoch.</param>
public sealed record RiskEmbeddingSummary(int Dimension, int InputFeatures, IReadOnlyList<string> Relations, IReadOnlyList<int> LayerDims, IReadOnlyList<double> EpochLosses, IReadOnlyList<double> EpochSeconds);
