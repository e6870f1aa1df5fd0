namespace GraphGuard.Storage.Ingest;

/// <summary>A refused row on its way to the <c>quarantine</c> table.</summary>
internal readonly record struct QuarantinedRow(string File, long Line, string? Field, string Reason, string Detail, byte[] Raw);
