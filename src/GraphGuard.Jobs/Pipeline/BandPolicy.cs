namespace GraphGuard.Jobs.Pipeline;

/// <summary>
/// Policy thresholds that turn a calibrated score into a band enforcement acts on: a score falls in the
/// last band whose minimum it reaches. The first band's minimum is 0, minimums rise strictly.
/// </summary>
public sealed record BandPolicy(IReadOnlyList<Band> Bands)
{
    public string BandOf(double score)
    {
        var band = Bands[0].Name;
        foreach (var b in Bands)
        {
            if (score >= b.Minimum)
            {
                band = b.Name;
            }
        }
        return band;
    }
}

/// <summary>A named band and the lowest score in it.</summary>
public sealed record Band(string Name, double Minimum);
