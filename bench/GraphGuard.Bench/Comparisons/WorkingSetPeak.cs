using System.Diagnostics;

namespace GraphGuard.Bench.Comparisons;

/// <summary>
/// The peak resident memory of one section of a run, above what the process held when it began: sampled every
/// 20 ms, since the process-wide peak cannot tell two engines run one after the other apart. libtorch's native
/// allocations count, as they are resident memory too.
/// </summary>
internal sealed class WorkingSetPeak : IDisposable
{
    private readonly long _baseline;
    private readonly Timer _timer;
    private long _peak;

    public WorkingSetPeak()
    {
        GC.Collect();
        _baseline = Current();
        _peak = _baseline;
        _timer = new Timer(_ => Sample(), null, 0, 20);
    }

    /// <summary>Bytes above the baseline at the highest sample so far.</summary>
    public long Bytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak) - _baseline;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = Current();
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }

    private static long Current()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
