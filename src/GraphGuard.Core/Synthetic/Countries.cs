namespace GraphGuard.Core.Synthetic;

/// <summary>Country codes with rough shares of a global short-video audience.</summary>
internal static class Countries
{
    public static byte[][] Codes { get; } =
        new[] { "US", "IN", "BR", "ID", "MX", "PH", "GB", "DE", "FR", "TR", "NG", "VN", "JP", "KR", "EG", "PK", "ES", "IT", "CA", "AR" }
        .Select(c => System.Text.Encoding.ASCII.GetBytes(c)).ToArray();

    private static readonly double[] Cumulative = Accumulate(
        [18, 14, 10, 9, 7, 6, 5, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1]);

    public static byte Sample(WorldRandom random) =>
        (byte)WorldPlan.SampleCumulative(Cumulative, random.NextDouble() * Cumulative[^1]);

    private static double[] Accumulate(double[] weights)
    {
        double sum = 0;
        return weights.Select(w => sum += w).ToArray();
    }
}
