using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GraphGuard.Learning.Xgboost;

namespace GraphGuard.Bench.Comparisons;

/// <summary>
/// Debian's <c>xgboost</c> command-line tool on the same matrix and parameters as our binding: the matrix written
/// as CSV (<c>label,f0,...</c>, no header, an empty field for a missing value, floats in round-trip form), a
/// <c>train.conf</c> with the same parameters and <c>num_round</c>, and the tool's own "Complete Training loop
/// time", which leaves out its CSV parsing.
/// </summary>
internal sealed partial class XgboostCliReference : IDisposable
{
    public const string Tool = "/usr/bin/xgboost";

    private readonly string _dir = Directory.CreateTempSubdirectory("graphguard-xgboost-cli-").FullName;

    /// <summary>The model the last run saved, as XGBoost JSON.</summary>
    public string ModelPath => Path.Combine(_dir, "model.json");

    public static bool Available() => File.Exists(Tool);

    /// <summary>Writes the matrix once; every run reads it.</summary>
    public void WriteMatrix(ReadOnlySpan<float> values, ReadOnlySpan<float> labels, int columns)
    {
        using var csv = new StreamWriter(Path.Combine(_dir, "train.csv"), false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder();
        for (var r = 0; r < labels.Length; r++)
        {
            line.Clear().Append(labels[r].ToString("R", CultureInfo.InvariantCulture));
            foreach (var x in values.Slice(r * columns, columns))
            {
                line.Append(',');
                if (!float.IsNaN(x))
                {
                    line.Append(x.ToString("R", CultureInfo.InvariantCulture));
                }
            }
            csv.Write(line.Append('\n'));
        }
    }

    /// <summary>Trains <paramref name="rounds"/> rounds with the tool; returns its training-loop seconds and its data-loading seconds.</summary>
    public async Task<(double Training, double Loading)> TrainAsync(XgboostParameters parameters, int rounds, CancellationToken ct)
    {
        var conf = new StringBuilder();
        foreach (var (name, value) in parameters.ToPairs().Where(p => p.Key != "eval_metric"))
        {
            conf.Append(CultureInfo.InvariantCulture, $"{name} = {value}\n");
        }
        conf.Append(CultureInfo.InvariantCulture, $"num_round = {rounds}\n");
        conf.Append(CultureInfo.InvariantCulture, $"data = \"{Path.Combine(_dir, "train.csv")}?format=csv&label_column=0\"\n");
        conf.Append(CultureInfo.InvariantCulture, $"model_out = \"{ModelPath}\"\n");
        conf.Append("verbosity = 2\n");
        var confPath = Path.Combine(_dir, "train.conf");
        await File.WriteAllTextAsync(confPath, conf.ToString(), ct);

        var start = new ProcessStartInfo(Tool, [confPath]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Tool}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Tool} failed (exit {process.ExitCode}): {output.Trim()}");
        }
        return (Seconds(TrainingLoop(), output), Seconds(Loading(), output));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static double Seconds(Regex pattern, string output) =>
        pattern.Match(output) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{Tool} did not print /{pattern}/: {output.Trim()}");

    // cli_main.cc (1.7): LOG(INFO) << "Complete Training loop time: " << ... << " sec";
    [GeneratedRegex(@"Complete Training loop time: ([0-9.eE+-]+) sec")]
    private static partial Regex TrainingLoop();

    [GeneratedRegex(@"Loading data: ([0-9.eE+-]+) sec")]
    private static partial Regex Loading();
}
