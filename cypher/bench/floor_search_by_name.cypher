// The benchmark's floor for the name search (bench/workload.py SEARCH_BY_NAME): a page of
// household names by prefix from the name index, no authorization.
MATCH (h:Household)
WHERE h.nameKey STARTS WITH $prefix
WITH h ORDER BY h.nameKey, h.id LIMIT $limit
RETURN h.id AS id, h.nameKey AS nameKey, h.name AS name
