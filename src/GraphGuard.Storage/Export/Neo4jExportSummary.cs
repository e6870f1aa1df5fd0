namespace GraphGuard.Storage.Export;

/// <summary>What <see cref="Neo4jExport"/> wrote for a run.</summary>
public sealed record Neo4jExportSummary(long RunId, long Nodes, long Relations, long Clusters, long Memberships);
