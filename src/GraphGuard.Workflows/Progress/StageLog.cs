using System.Diagnostics;

namespace GraphGuard.Workflows.Progress;

/// <summary>
/// One line per finished stage of a long job, with its time, written to <paramref name="write"/> (the CLI gives
/// stderr, so stdout stays free for the result and its JSON); the times are kept for the summary.
/// </summary>
public sealed class StageLog(string job, Action<string>? write)
{
    private readonly Stopwatch _stage = Stopwatch.StartNew();
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Dictionary<string, double> _seconds = [];

    /// <summary>Seconds per finished stage, in order.</summary>
    public IReadOnlyDictionary<string, double> Seconds => _seconds;

    /// <summary>Seconds since the job started.</summary>
    public double TotalSeconds => _total.Elapsed.TotalSeconds;

    /// <summary>Ends a stage: records its time and prints what it did.</summary>
    public void Done(string stage, string what)
    {
        var seconds = _stage.Elapsed.TotalSeconds;
        _seconds[stage] = Math.Round(seconds, 2);
        Note($"{stage}: {what} ({seconds:0.0} s)");
        _stage.Restart();
    }

    /// <summary>A line of progress inside a stage.</summary>
    public void Note(string line) => write?.Invoke($"{job}: {line}");

    /// <summary>Restarts the current stage's clock (after work that belongs to no stage).</summary>
    public void Skip() => _stage.Restart();
}
