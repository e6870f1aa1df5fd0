namespace GraphGuard.Storage.Ingest;

/// <summary>A refused row on its way to the <c>quarantine</c> table; <paramref name="RawLength"/> is the whole record's length when <paramref name="Raw"/> was cut.</summary>
internal readonly record struct QuarantinedRow(string File, long Line, string? Field, string Reason, string Detail, byte[] Raw, long RawLength);
