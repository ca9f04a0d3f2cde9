// The benchmark's floor for a clerk's search page (bench/workload.py SEARCH_PAGE): 20
// households by name prefix with their members' names, from the name index, no authorization.
MATCH (h:Household)
WHERE h.nameKey STARTS WITH $prefix
WITH h ORDER BY h.nameKey, h.id LIMIT $limit
RETURN h.id AS id, h.name AS name,
  [(p:Person)-[m:MEMBER_OF]->(h)
    WHERE m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
    | p {.firstName, .lastName}] AS members
