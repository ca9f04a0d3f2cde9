// Node counts by label and relationship counts by type, for the load summary.
CALL () {
  MATCH (n) WHERE NOT n:SchemaMigration
  UNWIND labels(n) AS label
  WITH label, count(*) AS total
  RETURN collect({name: label, count: total}) AS labels
}
CALL () {
  MATCH (n) WHERE NOT n:SchemaMigration
  RETURN count(n) AS nodes
}
CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(*) AS total
  RETURN collect({name: type, count: total}) AS types
}
RETURN nodes, labels, types
