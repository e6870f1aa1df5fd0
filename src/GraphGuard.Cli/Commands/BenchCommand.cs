using System.CommandLine;

namespace GraphGuard.Cli.Commands;

/// <summary><c>graphguard bench ...</c>: whole-job benchmarks that print their figures beside a reference tool's.</summary>
internal static class BenchCommand
{
    public static Command Create() => new("bench", "Measure GraphGuard's jobs beside reference tools, in one run, on this machine")
    {
        IngestBenchmark.Create(),
        Bench.GraphBenchmark.Create(),
        Bench.DetectBenchmark.Create(),
        Bench.LearnBenchmark.Create(),
        Bench.ServeBenchmark.Create(),
        Bench.WorkspaceBenchmark.Create(),
    };
}
