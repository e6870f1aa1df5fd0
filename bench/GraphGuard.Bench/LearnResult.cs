namespace GraphGuard.Bench;

/// <summary>What <c>bench learn</c> measured (printed, or written as JSON).</summary>
internal sealed record LearnResult
{
    public int Accounts { get; init; }

    /// <summary>Stored adjacency entries per relation (twice the ties).</summary>
    public IReadOnlyDictionary<string, long> Relations { get; init; } = new Dictionary<string, long>();

    public IReadOnlyList<double> SageEpochSeconds { get; init; } = [];

    public int SageBatchesPerEpoch { get; init; }

    /// <summary>Target nodes (anchors, their positives and negatives) per second of training.</summary>
    public double SageTargetNodesPerSecond { get; init; }

    /// <summary>Layer-wise inference over every account.</summary>
    public double InferenceSeconds { get; init; }

    public double EmbeddingsPerSecond { get; init; }

    public int XgboostRows { get; init; }

    public int XgboostColumns { get; init; }

    public int XgboostRounds { get; init; }

    public int Threads { get; init; }

    /// <summary>Our binding's training-loop seconds, one per run.</summary>
    public IReadOnlyList<double> BindingSeconds { get; init; } = [];

    /// <summary>The CLI's "Complete Training loop time", one per run.</summary>
    public IReadOnlyList<double> CliSeconds { get; init; } = [];

    /// <summary>
    /// Fastest binding run over fastest CLI run: on a shared machine the fastest run is the one least
    /// disturbed, so the ratio of minimums is the steadiest estimate of the overhead.
    /// </summary>
    public double Ratio { get; init; }

    /// <summary>Median binding seconds over median CLI seconds.</summary>
    public double MedianRatio { get; init; }

    /// <summary>Our DMatrix from the dense floats in memory (not in the ratio).</summary>
    public double BindingMatrixSeconds { get; init; }

    /// <summary>The CLI's CSV parsing into its DMatrix (not in the ratio).</summary>
    public double CliLoadingSeconds { get; init; }

    /// <summary>Largest difference between the two models' predictions on the matrix: 0 when they built the same trees.</summary>
    public double MaxPredictionDifference { get; init; }

    public IReadOnlyDictionary<string, double> StageSeconds { get; init; } = new Dictionary<string, double>();

    public long PeakMemoryBytes { get; init; }
}
