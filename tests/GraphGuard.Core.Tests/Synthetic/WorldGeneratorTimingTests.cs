using System.Diagnostics;
using GraphGuard.Core.Synthetic;

namespace GraphGuard.Core.Tests.Synthetic;

/// <summary>Run by hand: <c>dotnet test --filter Name~Million</c>. Writes to a temporary folder.</summary>
[Explicit("writes about two gigabytes and takes a minute or more")]
public sealed class WorldGeneratorTimingTests
{
    [Test]
    public void Generating_a_million_accounts_reports_its_time_and_sizes()
    {
        int accounts = int.TryParse(Environment.GetEnvironmentVariable("GRAPHGUARD_GEN_ACCOUNTS"), out int n) ? n : 1_000_000;
        string folder = Path.Combine(Path.GetTempPath(), "graphguard-world");
        Directory.CreateDirectory(folder);
        var stopwatch = Stopwatch.StartNew();
        WorldSummary summary;
        using (var streams = WorldStreams.Open(name => new FileStream(
            Path.Combine(folder, name), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20)))
        {
            summary = WorldGenerator.Generate(new WorldOptions { Accounts = accounts, Seed = 7 }, streams);
        }

        stopwatch.Stop();
        TestContext.Out.WriteLine($"{accounts:N0} accounts in {stopwatch.Elapsed.TotalSeconds:F1} s, " +
                                  $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB");
        foreach (string name in WorldStreams.FileNames)
        {
            TestContext.Out.WriteLine($"{name,-22} {new FileInfo(Path.Combine(folder, name)).Length / 1e6,10:N1} MB");
        }

        TestContext.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(summary));
        Assert.That(summary.Accounts, Is.EqualTo(accounts));
    }
}
