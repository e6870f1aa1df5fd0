namespace GraphGuard.Storage.Pipeline;

/// <summary>RFC 4180 quoting, only where a field needs it.</summary>
internal static class CsvField
{
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
