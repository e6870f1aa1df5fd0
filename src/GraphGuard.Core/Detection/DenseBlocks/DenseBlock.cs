namespace GraphGuard.Core.Detection.DenseBlocks;

/// <summary>A block found by peeling: its accounts and targets, and its edges and their weight.</summary>
/// <param name="Accounts">Account indices, ascending.</param>
/// <param name="AccountWeights">Each account's weighted degree inside the block, aligned with <paramref name="Accounts"/>.</param>
/// <param name="Targets">Graph nodes of the targets, ascending.</param>
/// <param name="TargetEdges">Each target's edges inside the block, aligned with <paramref name="Targets"/>.</param>
/// <param name="Edges">Engagement edges inside the block.</param>
/// <param name="Weight">Their total column weight, f(S) in FRAUDAR.</param>
internal sealed record DenseBlock(int[] Accounts, double[] AccountWeights, int[] Targets, int[] TargetEdges, int Edges, double Weight)
{
    /// <summary>FRAUDAR's density g(S) = f(S) / |S|, accounts and targets both counted in |S|.</summary>
    public double Density => Weight / (Accounts.Length + Targets.Length);

    /// <summary>Share of the block's account–target pairs that are edges.</summary>
    public double Fill => Edges == 0 ? 0 : (double)Edges / ((long)Accounts.Length * Targets.Length);
}
