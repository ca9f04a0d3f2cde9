// shared_addresses for one household: the addresses household $householdId is at on $asOf
// (or ever was, when $ever) that another household is (or was) at too, under the same rule.
// Keyset-paged on the address's normalized key; each group counts its households and lists
// the first $perGroup by name, each with the span it was there.
MATCH (:Household {id: $householdId})-[mine:LOCATED_AT]->(a:Address)
WHERE a.normalizedKey > $afterKey
  AND ($ever OR (mine.startDate <= $asOf AND (mine.endDate IS NULL OR mine.endDate >= $asOf)))
WITH DISTINCT a
MATCH (a)<-[l:LOCATED_AT]-(h:Household)
WHERE $ever OR (l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf))
WITH a, h, min(l.startDate) AS startDate,
  CASE WHEN count(l.endDate) < count(l) THEN null ELSE max(l.endDate) END AS endDate
WITH a, h, startDate, endDate ORDER BY h.nameKey, h.id
WITH a, collect({household: h {.id, .name, kind: 'household'}, startDate: startDate,
  endDate: endDate}) AS households
WHERE size(households) > 1
RETURN a {.id, .normalizedKey, .number, .street, .tag, .apartment, .poBox, .city, .state,
  .zip} AS contact, size(households) AS householdCount, households[..$perGroup] AS households
ORDER BY a.normalizedKey
LIMIT $limit
