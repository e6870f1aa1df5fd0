namespace GraphGuard.Learning.Risk;

/// <summary>One reason an account scored as it did: a feature (or a group of them) and how far it moved the score.</summary>
/// <param name="Key">The feature's name, or <see cref="RiskFeatureCatalogue.EmbeddingReason"/> for the embedding.</param>
/// <param name="Value">The account's value of the feature (NaN for the embedding or a missing value).</param>
/// <param name="Contribution">SHAP contribution to the log-odds of abuse; positive raised the risk.</param>
/// <param name="Text">The sentence an analyst reads, e.g. "shares devices/IPs with 44 accounts in a cluster".</param>
public sealed record RiskReason(string Key, float Value, float Contribution, string Text);
