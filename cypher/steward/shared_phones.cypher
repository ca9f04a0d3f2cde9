// Phone numbers that two or more households have on $asOf, or ever had when $ever.
// Keyset-paged on the number (E.164); each group counts its households and lists the first
// $perGroup by name, each with the span it had the number. Numbers are walked in index
// order and only those with two links or more (a degree count) are opened, so a page costs
// about its own size rather than the district's.
MATCH (ph:Phone)
WHERE ph.number > $afterKey AND COUNT { (ph)<-[:HAS_PHONE]-() } > 1
WITH ph ORDER BY ph.number
CALL (ph) {
  MATCH (ph)<-[l:HAS_PHONE]-(h:Household)
  WHERE $ever OR (l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf))
  WITH h, min(l.startDate) AS startDate,
    CASE WHEN count(l.endDate) < count(l) THEN null ELSE max(l.endDate) END AS endDate
  ORDER BY h.nameKey, h.id
  RETURN collect({household: h {.id, .name, kind: 'household'}, startDate: startDate,
    endDate: endDate}) AS households
}
WITH ph, households WHERE size(households) > 1
RETURN ph {.id, .number} AS contact, size(households) AS householdCount,
  households[..$perGroup] AS households
ORDER BY ph.number
LIMIT $limit
