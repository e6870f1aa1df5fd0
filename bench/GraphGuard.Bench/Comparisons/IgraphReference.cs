using System.Diagnostics;
using System.Text.Json;
using GraphGuard.Core.Graph;

namespace GraphGuard.Bench.Comparisons;

/// <summary>
/// Runs igraph (Debian's python3-igraph) on the same graphs as our algorithms, in a child process after
/// ours, and returns its seconds per algorithm. Graph construction on the igraph side is not timed.
/// </summary>
internal static class IgraphReference
{
    public const string Python = "/usr/bin/python3";

    public static bool Available()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import igraph, numpy"]) { RedirectStandardError = true, RedirectStandardOutput = true });
            probe!.WaitForExit();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Seconds per algorithm; a negative value -T means igraph was stopped after T seconds.</summary>
    public static async Task<Dictionary<string, double>> TimeAsync(CsrGraph undirected, CsrGraph directed, int[] seeds, IReadOnlyList<string> algorithms, int timeoutSeconds, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("graphguard-igraph-").FullName;
        try
        {
            WriteUndirected(undirected, dir);
            WriteDirected(directed, dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "meta.json"), JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["undirected_nodes"] = undirected.NodeCount,
                ["directed_nodes"] = directed.NodeCount,
                ["seeds"] = seeds,
                ["algorithms"] = algorithms,
                ["timeout_seconds"] = timeoutSeconds,
            }), ct);
            var script = Path.Combine(dir, "igraph_timings.py");
            await using (var resource = typeof(IgraphReference).Assembly.GetManifestResourceStream("igraph_timings.py")!)
            await using (var file = File.Create(script))
            {
                await resource.CopyToAsync(file, ct);
            }
            using var process = Process.Start(new ProcessStartInfo(Python, [script, dir]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"igraph reference failed (exit {process.ExitCode}): {(await stderr).Trim()}");
            }
            return JsonSerializer.Deserialize<Dictionary<string, double>>(await stdout)!;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void WriteUndirected(CsrGraph graph, string dir)
    {
        using var pairs = new BinaryWriter(File.Create(Path.Combine(dir, "undirected.i32")));
        using var weights = new BinaryWriter(File.Create(Path.Combine(dir, "undirected.f32")));
        for (var a = 0; a < graph.NodeCount; a++)
        {
            var n = graph.Neighbors(a);
            var w = graph.NeighborWeights(a);
            for (var i = 0; i < n.Length; i++)
            {
                if (a < n[i])
                {
                    pairs.Write(a);
                    pairs.Write(n[i]);
                    weights.Write(w[i]);
                }
            }
        }
    }

    private static void WriteDirected(CsrGraph graph, string dir)
    {
        using var pairs = new BinaryWriter(File.Create(Path.Combine(dir, "directed.i32")));
        for (var a = 0; a < graph.NodeCount; a++)
        {
            foreach (var b in graph.Neighbors(a))
            {
                pairs.Write(a);
                pairs.Write(b);
            }
        }
    }
}
