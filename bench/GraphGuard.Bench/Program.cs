using System.CommandLine;
using GraphGuard.Bench;

// graphguard-bench: whole-job benchmarks that print their figures beside a reference tool's, kept out of the
// shipped graphguard (which carries no Python, Lua or goal figures). scripts/bench.sh runs every one.
TerminalProfile.ForRedirectedOutput();

var root = new RootCommand("Measure GraphGuard's jobs beside reference tools, in one run, on this machine")
{
    IngestBenchmark.Create(),
    GraphBenchmark.Create(),
    DetectBenchmark.Create(),
    LearnBenchmark.Create(),
    ServeBenchmark.Create(),
    WorkspaceBenchmark.Create(),
    ContentBenchmark.Create(),
    ContentSpeedBenchmark.Create(),
    SageEnginesBenchmark.Create(),
};
return await root.Parse(args).InvokeAsync();
