using System.Diagnostics;

namespace GraphGuard.Api.Observability;

/// <summary>
/// Request counts by status and a latency histogram for one route, kept with interlocked adds on plain
/// arrays: recording a request allocates nothing and takes no lock. Attached to its endpoint as metadata.
/// </summary>
internal sealed class RouteMetrics(string route)
{
    /// <summary>Upper bounds of the latency buckets, in seconds (Prometheus <c>le</c>), the last one +Inf.</summary>
    public static readonly double[] Bounds = [0.0001, 0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

    private static readonly long[] BoundTicks = Array.ConvertAll(Bounds, b => (long)(b * Stopwatch.Frequency));

    private readonly long[] _byStatus = new long[600];
    private readonly long[] _buckets = new long[Bounds.Length + 1];
    private long _sumTicks;

    public string Route { get; } = route;

    public void Record(int status, long elapsedTicks)
    {
        Interlocked.Increment(ref _byStatus[(uint)status < 600 ? status : 599]);
        var bucket = 0;
        while (bucket < BoundTicks.Length && elapsedTicks > BoundTicks[bucket])
        {
            bucket++;
        }
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Add(ref _sumTicks, elapsedTicks);
    }

    /// <summary>Statuses seen so far and their counts.</summary>
    public IEnumerable<(int Status, long Count)> Statuses()
    {
        for (var s = 0; s < _byStatus.Length; s++)
        {
            var n = Volatile.Read(ref _byStatus[s]);
            if (n > 0)
            {
                yield return (s, n);
            }
        }
    }

    /// <summary>Cumulative bucket counts (one per bound, then +Inf), the total, and the sum in seconds.</summary>
    public (long[] Cumulative, long Count, double SumSeconds) Histogram()
    {
        var cumulative = new long[_buckets.Length];
        long running = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            running += Volatile.Read(ref _buckets[i]);
            cumulative[i] = running;
        }
        return (cumulative, running, (double)Volatile.Read(ref _sumTicks) / Stopwatch.Frequency);
    }
}
