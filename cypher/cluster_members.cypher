// Purpose: a cluster's members, core first, riskiest first, with their bands.
// Parameters: $cluster_id (integer), as in the workspace's #/cluster/<id>.
MATCH (a:Account)-[m:MEMBER_OF]->(c:Cluster {cluster_id: $cluster_id})
RETURN a.external_id AS account, m.role AS role, a.score AS score, a.band AS band
ORDER BY m.role, a.score DESC;
