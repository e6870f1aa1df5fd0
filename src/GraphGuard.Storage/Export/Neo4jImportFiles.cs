namespace GraphGuard.Storage.Export;

/// <summary>
/// The files <see cref="Neo4jExport"/> writes and their headers in neo4j-admin's import format
/// (<c>name:type</c>, <c>:ID</c>, <c>:LABEL</c>, <c>:START_ID</c>, <c>:END_ID</c>, <c>:TYPE</c>; arrays split on ';').
/// Spelled once here: the export, cypher/load.cypher and the tests read them from this list.
/// </summary>
public static class Neo4jImportFiles
{
    public const string Nodes = "nodes.csv";
    public const string Clusters = "clusters.csv";
    public const string Relations = "relations.csv";
    public const string Members = "members.csv";

    public const string NodesHeader = "key:ID,external_id,kind,score:float,band,:LABEL";
    public const string ClustersHeader = "key:ID,cluster_id:long,score:float,size:int,core_size:int,detectors:string[],headline,:LABEL";
    public const string RelationsHeader = ":START_ID,:END_ID,:TYPE,events:long,first_at:datetime,last_at:datetime";
    public const string MembersHeader = ":START_ID,:END_ID,:TYPE,role";

    /// <summary>Every file with its header; node files first, as neo4j-admin takes them (<c>--nodes</c>, then <c>--relationships</c>).</summary>
    public static IReadOnlyList<(string File, string Header, bool IsNodes)> All { get; } =
    [
        (Nodes, NodesHeader, true),
        (Clusters, ClustersHeader, true),
        (Relations, RelationsHeader, false),
        (Members, MembersHeader, false),
    ];
}
