// Addresses that two or more households are located at on $asOf, or ever were when $ever
// (not necessarily at the same time: "who else lived here"). Keyset-paged on the address's
// normalized key; each group counts its households and lists the first $perGroup by name,
// each with the span it was there (earliest start; no end while any location is open).
MATCH (a:Address)<-[l:LOCATED_AT]-(h:Household)
WHERE a.normalizedKey > $afterKey
  AND ($ever OR (l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)))
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
