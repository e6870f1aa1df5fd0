namespace GraphGuard.Jobs.Scheduling;

/// <summary>
/// An attempt stopped without a stage failure to record: the database went away under it. The run stays
/// <c>running</c> with its lease free, which is what tells the workers to resume it.
/// </summary>
public sealed class RunBrokeOffException(string message, Exception inner) : Exception(message, inner);
