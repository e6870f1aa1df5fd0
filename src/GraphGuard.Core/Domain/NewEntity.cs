namespace GraphGuard.Core.Domain;

/// <summary>An entity first seen in the current ingest, to be persisted with its dense id.</summary>
public readonly record struct NewEntity(int Id, EntityKind Kind, string ExternalId);
