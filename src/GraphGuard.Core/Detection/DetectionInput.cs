using GraphGuard.Core.Graph;

namespace GraphGuard.Core.Detection;

/// <summary>What every detector reads: one snapshot and the per-account facts beside it.</summary>
public sealed class DetectionInput
{
    /// <summary>The snapshot of the window being examined.</summary>
    public required InteractionGraph Graph { get; init; }

    /// <summary>Dense account numbering; every per-account array here and in results uses it.</summary>
    public required AccountIndex Accounts { get; init; }

    /// <summary>Account creation per account index, seconds after the graph's time base; long.MinValue where unknown.</summary>
    public required long[] CreatedAt { get; init; }

    /// <summary>The instant the snapshot describes, seconds after the graph's time base (the window's end).</summary>
    public required long AsOf { get; init; }

    /// <summary>Account indices trusted a priori (labeled benign): where trust starts, with old active accounts.</summary>
    public IReadOnlyList<int> TrustedSeeds { get; init; } = [];

    /// <summary>Text of posts and comments with their classifier scores; empty when none was loaded.</summary>
    public ContentCorpus Content { get; init; } = ContentCorpus.Empty;
}
