namespace GraphGuard.Jobs.Pipeline;

/// <summary>What a <see cref="StageProgress"/> reports.</summary>
public enum StageProgressKind
{
    /// <summary>An attempt started.</summary>
    Started,

    /// <summary>A note from inside the stage.</summary>
    Note,

    /// <summary>The attempt finished (succeeded or skipped); <see cref="StageProgress.Result"/> says how.</summary>
    Finished,

    /// <summary>An earlier call finished the stage; it is not run again.</summary>
    DoneEarlier,

    /// <summary>The attempt failed; <see cref="StageProgress.Note"/> holds the error.</summary>
    Failed,
}
