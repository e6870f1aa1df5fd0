using GraphGuard.Jobs.Pipeline;

namespace GraphGuard.Jobs.Scheduling;

/// <summary>One worker log line per stage start and end of a run.</summary>
internal sealed class StageLog(Action<string> log, long runId) : IProgress<StageProgress>
{
    public void Report(StageProgress value)
    {
        var where = $"run {runId} stage {value.Index + 1}/{value.Count} {value.Stage}";
        switch (value.Kind)
        {
            case StageProgressKind.Started:
                log($"{where}: started");
                break;
            case StageProgressKind.Finished when value.Result is { } r:
                log($"{where}: {r.Status} (attempt {r.Attempt}, {r.Rows:N0} rows, {r.Elapsed.TotalSeconds:0.0} s)");
                break;
            case StageProgressKind.DoneEarlier when value.Result is { } r:
                log($"{where}: done earlier (attempt {r.Attempt})");
                break;
            case StageProgressKind.Failed:
                log($"{where}: failed: {value.Note}");
                break;
            default:
                break;
        }
    }
}
