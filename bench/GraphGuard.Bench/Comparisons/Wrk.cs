using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace GraphGuard.Bench.Comparisons;

/// <summary>Runs <c>wrk --latency</c> with one of our embedded Lua scripts and parses what it prints.</summary>
internal static partial class Wrk
{
    public const string Tool = "wrk";

    public static bool Available() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(dir => File.Exists(Path.Combine(dir, Tool))) == true;

    /// <summary>Writes the embedded script <paramref name="resource"/> into <paramref name="folder"/> and returns its path.</summary>
    public static string WriteScript(string folder, string resource)
    {
        using var stream = typeof(Wrk).Assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"missing resource {resource}");
        var path = Path.Combine(folder, resource);
        using var file = File.Create(path);
        stream.CopyTo(file);
        return path;
    }

    public static async Task<WrkResult> RunAsync(string scenario, Uri url, string script, int threads, int connections, int seconds,
        IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s", "--latency", "-s", script, url.ToString() })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {(await stderr).Trim()} {output.Trim()}");
        }
        return Parse(scenario, connections, seconds, output);
    }

    /// <summary>Reads wrk's report: "Requests/sec:", the latency distribution, and the failure lines.</summary>
    public static WrkResult Parse(string scenario, int connections, double seconds, string output)
    {
        double Percentile(string p)
        {
            var m = Regex.Match(output, $@"^\s*{p}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success)
            {
                throw new InvalidDataException($"wrk printed no {p}% latency: {output}");
            }
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return m.Groups[2].Value switch { "us" => value / 1000, "ms" => value, _ => value * 1000 };
        }
        var rps = RequestsPerSecond().Match(output);
        if (!rps.Success)
        {
            throw new InvalidDataException($"wrk printed no Requests/sec: {output}");
        }
        var requests = RequestCount().Match(output);
        var non2xx = Non2xx().Match(output);
        var socket = SocketErrors().Match(output);
        long socketErrors = 0;
        if (socket.Success)
        {
            socketErrors = socket.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture));
        }
        return new WrkResult(scenario, connections, seconds, double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile("50"), Percentile("90"), Percentile("99"),
            requests.Success ? long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            non2xx.Success ? long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture) : 0, socketErrors);
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
