namespace GraphGuard.Core.Synthetic;

/// <summary>Country codes with rough shares of a global short-video audience.</summary>
internal static class Countries
{
    public static byte[][] Codes { get; } =
        new[] { "US", "IN", "BR", "ID", "MX", "PH", "GB", "DE", "FR", "TR", "NG", "VN", "JP", "KR", "EG", "PK", "ES", "IT", "CA", "AR" }
        .Select(c => System.Text.Encoding.ASCII.GetBytes(c)).ToArray();

    /// <summary>Typical UTC offset in hours, for daily rhythms (US and BR span zones; one stands for all).</summary>
    public static int[] UtcOffsetHours { get; } = [-6, 5, -3, 7, -6, 8, 0, 1, 1, 3, 1, 7, 9, 9, 2, 5, 1, 1, -5, -3];

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
