namespace GraphGuard.Bench.Comparisons;

/// <summary>What one wrk run measured: throughput, latency percentiles in milliseconds, and failures.</summary>
internal sealed record WrkResult(string Scenario, int Connections, double Seconds, double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms,
    long Requests, long Non2xx, long SocketErrors);
