using System.Text;

namespace GraphGuard.Storage.Ingest;

/// <summary>One quarantined row as stored.</summary>
public sealed record QuarantineEntry(int RunId, string File, long Line, string? Field, string Reason, string Detail, byte[] Raw)
{
    /// <summary>The raw row for display: invalid UTF-8 shows as U+FFFD; the stored bytes stay exact.</summary>
    public string RawText => Encoding.UTF8.GetString(Raw);
}
