namespace GraphGuard.Learning.Risk;

/// <summary>How much a feature (or the embedding) moves scores: mean |SHAP contribution| in log-odds.</summary>
/// <param name="Key">Feature name or <see cref="RiskFeatureCatalogue.EmbeddingReason"/>.</param>
/// <param name="MeanAbsoluteContribution">Mean over accounts of the absolute contribution.</param>
/// <param name="MedianAbusiveValue">The feature's median over the abusive accounts measured (NaN for the embedding).</param>
public sealed record RiskFeatureImportance(string Key, double MeanAbsoluteContribution, float MedianAbusiveValue);
