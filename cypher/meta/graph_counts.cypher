// Nodes by label and relationships by type as the seed summary gives them (migration records
// left out), read from Neo4j's count store instead of counted: seed/count_graph scans every
// node twice and every relationship once (4 s at a million households). Used on the managed
// server, where the caller is an admin; db.stats.retrieve may need one elsewhere.
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
WITH
  [n IN data.nodes WHERE n.label IS NULL | n.count][0] AS everything,
  [n IN data.nodes WHERE n.label = 'SchemaMigration' | n.count] AS migrations,
  [n IN data.nodes WHERE n.label IS NOT NULL AND n.label <> 'SchemaMigration' AND n.count > 0
    | {name: n.label, count: n.count}] AS labels,
  [r IN data.relationships
    WHERE r.relationshipType IS NOT NULL AND r.startLabel IS NULL AND r.endLabel IS NULL
      AND r.count > 0
    | {name: r.relationshipType, count: r.count}] AS types
RETURN everything - coalesce(migrations[0], 0) AS nodes, labels, types
