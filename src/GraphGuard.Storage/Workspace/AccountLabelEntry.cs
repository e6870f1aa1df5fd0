namespace GraphGuard.Storage.Workspace;

/// <summary>One label an account carries, from any source (ingested, analyst), newest first in a history.</summary>
public sealed record AccountLabelEntry(string Label, string Source, DateTime? At);
