using GraphGuard.Learning.Risk;

namespace GraphGuard.Learning.Release;

/// <summary>
/// The reviewed labels held out for the champion-and-challenger comparison, and the one input every model may see
/// while it is trained or judged: <see cref="Blind"/>, the risk input with those labels removed. Labels feed features
/// too (<see cref="NeighborLabelFeatures"/> counts an account's labelled neighbours), so masking the training rows
/// alone is not enough: in a ring of held-out accounts each one's label would raise the others' abusive-neighbour
/// counts, and a model would be judged on features made from the very labels it is judged against. Training on
/// <see cref="Blind"/> and scoring the held-out accounts from <see cref="Blind"/> keeps those labels out of both.
/// </summary>
public sealed class ReviewedHoldout
{
    private ReviewedHoldout(RiskInput blind, int[] rows, bool[] abusive)
    {
        Blind = blind;
        Rows = rows;
        Abusive = abusive;
    }

    /// <summary>The input with every held-out label removed (as if no analyst had decided those accounts).</summary>
    public RiskInput Blind { get; }

    /// <summary>The held-out accounts' rows in the input, ascending.</summary>
    public IReadOnlyList<int> Rows { get; }

    /// <summary>Their reviewed labels (true abusive), in <see cref="Rows"/> order.</summary>
    public IReadOnlyList<bool> Abusive { get; }

    /// <summary>Holds out <paramref name="reviewed"/> (account id to abusive) from <paramref name="input"/>; reviewed accounts outside the input are ignored.</summary>
    public static ReviewedHoldout Of(RiskInput input, IReadOnlyDictionary<int, bool> reviewed)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(reviewed);
        var ids = input.Features.AccountIds;
        var rows = new List<int>();
        var abusive = new List<bool>();
        var labels = new bool?[input.Labels.Count];
        for (var r = 0; r < labels.Length; r++)
        {
            if (reviewed.TryGetValue(ids[r], out var label))
            {
                rows.Add(r);
                abusive.Add(label);
            }
            else
            {
                labels[r] = input.Labels[r];
            }
        }
        return new ReviewedHoldout(input with { Labels = labels }, [.. rows], [.. abusive]);
    }

    /// <summary>The held-out accounts' entries of a per-row array (a model's scores of every account).</summary>
    public T[] Select<T>(IReadOnlyList<T> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        return [.. Rows.Select(r => all[r])];
    }
}
