// Purpose: what a cluster's members share: entities two or more members acted on, most shared first.
// Parameters: $cluster_id (integer).
MATCH (a:Account)-[:MEMBER_OF]->(:Cluster {cluster_id: $cluster_id})
MATCH (a)-[r]->(t)
WHERE NOT t:Cluster
WITH t, type(r) AS action, count(DISTINCT a) AS members, sum(r.events) AS events
WHERE members >= 2
RETURN t.kind AS kind, t.external_id AS entity, action, members, events
ORDER BY members DESC, events DESC
LIMIT 100;
