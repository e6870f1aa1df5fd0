namespace GraphGuard.Workflows.Progress;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread. The BCL's Progress posts to the
/// thread pool, so reports could arrive after the work has finished and the display has closed.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
