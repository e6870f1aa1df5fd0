using System.Diagnostics;
using System.Text.Json;
using GraphGuard.Workflows.Content;

namespace GraphGuard.Bench.Comparisons;

/// <summary>
/// Runs scikit-learn's TF-IDF + logistic regression (Debian's python3-sklearn) on the same verdict split as our
/// text classifiers, in a child process, and returns its held-out AUROC, AUPRC and training seconds per policy.
/// </summary>
internal static class SklearnTextReference
{
    public sealed record Result(double Auroc, double Auprc, double Seconds);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<Dictionary<string, Result>> RunAsync(VerdictSplit split, IReadOnlyList<string> labels, CancellationToken ct)
    {
        var dir = Directory.CreateTempSubdirectory("graphguard-sklearn-").FullName;
        try
        {
            await File.WriteAllLinesAsync(Path.Combine(dir, "train.jsonl"), split.Train.Select(v => JsonSerializer.Serialize(new { v.Text, v.Label }, Json)), ct);
            await File.WriteAllLinesAsync(Path.Combine(dir, "held_out.jsonl"), split.HeldOut.Select(v => JsonSerializer.Serialize(new { v.Text, v.Label }, Json)), ct);
            await File.WriteAllTextAsync(Path.Combine(dir, "labels.json"), JsonSerializer.Serialize(labels), ct);
            var script = Path.Combine(dir, "text_reference.py");
            await using (var resource = typeof(SklearnTextReference).Assembly.GetManifestResourceStream("text_reference.py")!)
            await using (var file = File.Create(script))
            {
                await resource.CopyToAsync(file, ct);
            }
            using var process = Process.Start(new ProcessStartInfo(IgraphReference.Python, [script, dir]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"scikit-learn reference failed (exit {process.ExitCode}): {(await stderr).Trim()}");
            }
            return JsonSerializer.Deserialize<Dictionary<string, Result>>(await stdout, Json)!;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
