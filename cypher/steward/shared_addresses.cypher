// Addresses that two or more households are located at on $asOf, or ever were when $ever
// (not necessarily at the same time: "who else lived here"). Keyset-paged on the address's
// normalized key; each group counts its households and lists the first $perGroup by name,
// each with the span it was there (earliest start; no end while any location is open).
// Addresses are walked in index order and only those with two links or more (a degree
// count) are opened, so a page costs about its own size rather than the district's.
MATCH (a:Address)
WHERE a.normalizedKey > $afterKey AND COUNT { (a)<-[:LOCATED_AT]-() } > 1
WITH a ORDER BY a.normalizedKey
CALL (a) {
  MATCH (a)<-[l:LOCATED_AT]-(h:Household)
  WHERE $ever OR (l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf))
  WITH h, min(l.startDate) AS startDate,
    CASE WHEN count(l.endDate) < count(l) THEN null ELSE max(l.endDate) END AS endDate
  ORDER BY h.nameKey, h.id
  RETURN collect({household: h {.id, .name, kind: 'household'}, startDate: startDate,
    endDate: endDate}) AS households
}
WITH a, households WHERE size(households) > 1
RETURN a {.id, .normalizedKey, .number, .street, .tag, .apartment, .poBox, .city, .state,
  .zip} AS contact, size(households) AS householdCount, households[..$perGroup] AS households
ORDER BY a.normalizedKey
LIMIT $limit
