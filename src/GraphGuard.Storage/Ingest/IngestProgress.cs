namespace GraphGuard.Storage.Ingest;

/// <summary>Progress of an ingest: bytes of the input consumed so far (compressed bytes for .gz).</summary>
public readonly record struct IngestProgress(string File, long BytesDone, long BytesTotal, long RowsRead);
