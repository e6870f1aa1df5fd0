// Purpose: how two accounts are connected: the shortest paths between them through shared entities
// (any relation, either way), up to six hops, the way the workspace's "How are these connected?" looks.
// Parameters: $from, $to (the accounts' external ids).
MATCH (a:Account {external_id: $from}), (b:Account {external_id: $to})
MATCH p = ALL SHORTEST (a)-[:!MEMBER_OF]-{1,6}(b)
RETURN [n IN nodes(p) | coalesce(n.kind, 'cluster') + ':' + n.external_id] AS path, length(p) AS hops
LIMIT 10;
