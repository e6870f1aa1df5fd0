namespace GraphGuard.Storage.Detection;

/// <summary>Evidence as stored: its kind, numbers (JSON object), example entities as <c>kind:id</c>, and its sentence.</summary>
public sealed record StoredEvidence(string Kind, string NumbersJson, string[] Examples, string Sentence);
