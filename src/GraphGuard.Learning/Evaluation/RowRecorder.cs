using System.Diagnostics;
using System.Globalization;

namespace GraphGuard.Learning.Evaluation;

/// <summary>Collects one row's measures and time, seed by seed: on the test rows, or on the validation rows while tuning.</summary>
internal sealed class RowRecorder(string name, string description, bool onValidation = false)
{
    private readonly List<BinaryEvaluation> _seeds = [];
    private TimeSpan _time;

    public string Name => name;

    /// <summary>Time of the last <see cref="Record"/>.</summary>
    public TimeSpan LastTime { get; private set; }

    /// <summary>Adds time spent on work the row needs but that another row (or every seed) shares.</summary>
    public void Charge(TimeSpan time) => _time += time;

    /// <summary>Runs the model for one split, timing it, and measures its scores; returns them for rows built on this one.</summary>
    public SplitScores Record(DataSplit split, bool[] labels, Func<SplitScores> score)
    {
        var watch = Stopwatch.StartNew();
        var scores = score();
        LastTime = watch.Elapsed;
        _time += LastTime;
        var (rows, scored) = onValidation ? (split.Validation, scores.Validation) : (split.Test, scores.Test);
        bool[] truth = [.. rows.Select(v => labels[v])];
        _seeds.Add(BinaryMetrics.Evaluate(scored, truth));
        return scores;
    }

    /// <summary>A progress line for the seed just recorded.</summary>
    public string LastLine(int seed, int seeds)
    {
        var e = _seeds[^1];
        return string.Create(CultureInfo.InvariantCulture,
            $"seed {seed + 1}/{seeds}  {name,-20} AUROC {e.Auroc:F4}  AUPRC {e.Auprc:F4}  Rec@K {e.RecallAtK:F4}  ({LastTime.TotalSeconds:0.0} s)");
    }

    public EvaluationRow ToRow() => new(name, description, [.. _seeds], _time);
}
