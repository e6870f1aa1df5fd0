namespace GraphGuard.Learning.Tensors;

/// <summary>
/// One Adam update (Kingma and Ba, ICLR 2015) with coupled L2 weight decay: the gradient gets
/// <c>WeightDecay * w</c> added before the moments are updated. <see cref="Step"/> counts from 1.
/// </summary>
internal readonly record struct AdamStep(float LearningRate, float Beta1, float Beta2, float Epsilon, float WeightDecay, int Step);
