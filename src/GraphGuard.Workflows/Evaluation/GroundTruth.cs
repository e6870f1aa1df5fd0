namespace GraphGuard.Workflows.Evaluation;

/// <summary>The ground truth a generated world carries: <c>truth.csv</c> (campaign and pattern of each abusive account) and <c>lookalikes.csv</c>.</summary>
public static class GroundTruth
{
    /// <summary>Abusive accounts: external id → (campaign, pattern).</summary>
    public static Dictionary<string, (string Campaign, string Pattern)> ReadTruth(string path) =>
        Rows(path, "account_id,campaign,pattern").ToDictionary(r => r[0], r => (r[1], r[2]));

    /// <summary>Benign look-alikes: external id → kind; empty when the world has none.</summary>
    public static Dictionary<string, string> ReadLookalikes(string path) =>
        File.Exists(path) ? Rows(path, "account_id,group,kind").GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.First()[2]) : [];

    private static IEnumerable<string[]> Rows(string path, string header)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: not found; evaluation needs a folder written by 'graphguard generate'");
        }
        using var lines = File.ReadLines(path).GetEnumerator();
        if (!lines.MoveNext() || lines.Current.Trim() != header)
        {
            throw new InvalidDataException($"{path}:1: expected the header '{header}'");
        }
        var line = 1;
        while (lines.MoveNext())
        {
            line++;
            var fields = lines.Current.Split(',');
            if (fields.Length != 3 || fields.Any(string.IsNullOrEmpty))
            {
                throw new InvalidDataException($"{path}:{line}: expected 3 non-empty fields ({header})");
            }
            yield return fields;
        }
    }
}
