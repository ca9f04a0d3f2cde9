// Every node and relationship id (but migration records), sorted: a rerun's checksum.
CALL () {
  MATCH (n) WHERE NOT n:SchemaMigration AND n.id IS NOT NULL
  WITH n.id AS id ORDER BY id
  RETURN collect(id) AS nodeIds
}
CALL () {
  MATCH ()-[r]->() WHERE r.id IS NOT NULL
  WITH r.id AS id ORDER BY id
  RETURN collect(id) AS relationshipIds
}
RETURN nodeIds, relationshipIds
