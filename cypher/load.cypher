// Purpose: load `graphguard export neo4j` output into a running database with LOAD CSV (after schema.cypher).
// Parameters: none; the four CSVs are in the database's import folder. Column names are the export's headers,
// types kept in the names (`score:float` is read as row.`score:float`). Labels and relationship types come
// from the data, set with dynamic labels and types (Neo4j 5.26+: SET n:$(label), CREATE ()-[:$(type)]->()).
:auto LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row
CALL (row) {
  MERGE (n {key: row.`key:ID`})
  SET n.external_id = row.external_id, n.kind = row.kind,
      n.score = toFloat(nullIf(row.`score:float`, '')), n.band = nullIf(row.band, '')
  SET n:$(row.`:LABEL`)
} IN TRANSACTIONS OF 10000 ROWS;

:auto LOAD CSV WITH HEADERS FROM 'file:///clusters.csv' AS row
CALL (row) {
  MERGE (c:Cluster {key: row.`key:ID`})
  SET c.cluster_id = toInteger(row.`cluster_id:long`), c.score = toFloat(row.`score:float`), c.size = toInteger(row.`size:int`),
      c.core_size = toInteger(row.`core_size:int`), c.detectors = split(row.`detectors:string[]`, ';'), c.headline = row.headline
} IN TRANSACTIONS OF 10000 ROWS;

:auto LOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row
CALL (row) {
  MATCH (a:Account {key: row.`:START_ID`})
  MATCH (t {key: row.`:END_ID`})
  CREATE (a)-[r:$(row.`:TYPE`)]->(t)
  SET r.events = toInteger(row.`events:long`), r.first_at = datetime(row.`first_at:datetime`), r.last_at = datetime(row.`last_at:datetime`)
} IN TRANSACTIONS OF 10000 ROWS;

:auto LOAD CSV WITH HEADERS FROM 'file:///members.csv' AS row
CALL (row) {
  MATCH (a:Account {key: row.`:START_ID`})
  MATCH (c:Cluster {key: row.`:END_ID`})
  MERGE (a)-[m:MEMBER_OF]->(c)
  SET m.role = row.role
} IN TRANSACTIONS OF 10000 ROWS;
