using GraphGuard.Core.Interchange;

namespace GraphGuard.Storage.Ingest;

/// <summary>One file of an interchange folder: its schema, its path, and why it is refused unread (or null).</summary>
public sealed record InterchangeEntry(FileSchema Schema, string Path, string? Refusal);
