// The benchmark's floor for the address search (bench/workload.py SEARCH_BY_ADDRESS): a page
// of the names of households ever at an address whose street key starts with $prefix or holds
// $streetName as a word run, no authorization.
CALL () {
  MATCH (a:Address) WHERE a.streetKey STARTS WITH $prefix RETURN a
  UNION
  MATCH (a:Address) WHERE a.streetKey CONTAINS $streetName RETURN a
}
MATCH (a)<-[:LOCATED_AT]-(h:Household)
WITH DISTINCT h ORDER BY h.nameKey, h.id LIMIT $limit
RETURN h.name AS name
