namespace GraphGuard.Learning.Risk;

/// <summary>Reports on the caller's thread (the BCL's Progress posts to the thread pool, out of order with the work).</summary>
internal sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
