namespace GraphGuard.Learning.Evaluation;

/// <summary>One step of <see cref="DatasetTuning"/>: which setting it chooses, the others held at their defaults.</summary>
public enum TuningStage
{
    /// <summary>The neighbour statistics of xgbgraph, under ref_eval.py's booster settings.</summary>
    Aggregation,

    /// <summary>XGBoost's learning rate, rounds, patience and sampling, on the default statistics.</summary>
    Booster,

    /// <summary>GraphSAGE's input scaling and architecture, scored by the graphsage row.</summary>
    Sage,

    /// <summary>Which GraphSAGE embedding the stacked row adds.</summary>
    Stacking,
}
