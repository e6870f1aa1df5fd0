namespace GraphGuard.Api.Json;

/// <summary>Whether the service serves a run, and which.</summary>
public sealed record ReadinessView(string Status, long? RunId, long? PublicationId, int Accounts);
