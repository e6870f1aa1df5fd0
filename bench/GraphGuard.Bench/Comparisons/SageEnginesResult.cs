namespace GraphGuard.Bench.Comparisons;

/// <summary>What <c>bench sage-engines</c> measured: each figure for both engines, and libtorch's over ours.</summary>
internal sealed record SageEnginesResult
{
    /// <summary>libtorch's version, device and threads.</summary>
    public string Torch { get; init; } = "";

    /// <summary><c>uptime</c>'s load averages when the run started and ended.</summary>
    public string LoadAtStart { get; init; } = "";

    public string LoadAtEnd { get; init; } = "";

    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>
    /// One measure for both engines. Ratio is libtorch / ours: above 1 means libtorch's figure is larger (better for
    /// AUROC and embeddings/s, worse for seconds and memory).
    /// </summary>
    public sealed record Figure(string Part, string Measure, double Ours, double Torch, string Unit)
    {
        public double Ratio => Ours == 0 ? double.NaN : Torch / Ours;
    }
}
