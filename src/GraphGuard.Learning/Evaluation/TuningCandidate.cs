using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Learning.Evaluation;

/// <summary>One setting of the XGBGraph row that <see cref="DatasetTuning"/> scores on the validation splits.</summary>
/// <param name="Name">How the tuning table names it.</param>
/// <param name="Aggregation">Neighbour statistics beside the node features.</param>
/// <param name="Xgboost">Booster settings; the split's seed is set on them.</param>
public sealed record TuningCandidate(string Name, NeighborStatistics Aggregation, XgboostTrainingOptions Xgboost);
