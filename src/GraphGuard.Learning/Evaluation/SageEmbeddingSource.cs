namespace GraphGuard.Learning.Evaluation;

/// <summary>Which GraphSAGE embedding the stacked row hands to XGBoost.</summary>
public enum SageEmbeddingSource
{
    /// <summary>The supervised model's embedding: fitted to the very training labels XGBoost then learns from.</summary>
    Supervised,

    /// <summary>A link-prediction model's embedding: label-free, so it cannot echo the training labels back.</summary>
    Unsupervised,
}
