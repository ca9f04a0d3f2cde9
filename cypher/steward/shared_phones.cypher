// Phone numbers that two or more households have on $asOf, or ever had when $ever.
// Keyset-paged on the number (E.164); each group counts its households and lists the first
// $perGroup by name, each with the span it had the number.
MATCH (ph:Phone)<-[l:HAS_PHONE]-(h:Household)
WHERE ph.number > $afterKey
  AND ($ever OR (l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)))
WITH ph, h, min(l.startDate) AS startDate,
  CASE WHEN count(l.endDate) < count(l) THEN null ELSE max(l.endDate) END AS endDate
WITH ph, h, startDate, endDate ORDER BY h.nameKey, h.id
WITH ph, collect({household: h {.id, .name, kind: 'household'}, startDate: startDate,
  endDate: endDate}) AS households
WHERE size(households) > 1
RETURN ph {.id, .number} AS contact, size(households) AS householdCount,
  households[..$perGroup] AS households
ORDER BY ph.number
LIMIT $limit
