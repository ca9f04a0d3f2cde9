// shared_phones for one household: the numbers household $householdId has on $asOf (or
// ever had, when $ever) that another household has (or had) too, under the same rule.
// Keyset-paged on the number; each group counts its households and lists the first
// $perGroup by name, each with the span it had the number.
MATCH (:Household {id: $householdId})-[mine:HAS_PHONE]->(ph:Phone)
WHERE ph.number > $afterKey
  AND ($ever OR (mine.startDate <= $asOf AND (mine.endDate IS NULL OR mine.endDate >= $asOf)))
WITH DISTINCT ph
MATCH (ph)<-[l:HAS_PHONE]-(h:Household)
WHERE $ever OR (l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf))
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
