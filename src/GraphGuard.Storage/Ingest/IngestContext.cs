using GraphGuard.Core.Domain;

namespace GraphGuard.Storage.Ingest;

/// <summary>What loaders resolve ids against while writing a batch: entities and action codes.</summary>
internal sealed record IngestContext(EntityDictionary Entities, ActionCatalog Actions);
