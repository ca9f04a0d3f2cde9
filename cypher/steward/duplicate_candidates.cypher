// Pairs of live people who may be one person, with the evidence: same name keys and birth
// date; same name keys and a household both are current members of on $asOf; same birth
// date and a phone both currently have. Each kind groups the live people by its shared
// values (one pass, no pair join) and pairs each group's members in (last, first name keys,
// id) order, so a pair always reads the same way. All pairs are counted; the page is
// keyset-ordered on (a's last and first name keys, a.id, b.id).
// census_counts repeats this definition for the report's count (a test holds them equal).
CALL () {
  MATCH (p:Person)
  WHERE p.birthDate IS NOT NULL AND p.mergedIntoId IS NULL
  WITH p ORDER BY p.lastNameKey, p.firstNameKey, p.id
  WITH p.lastNameKey AS lastKey, p.firstNameKey AS firstKey, p.birthDate AS born,
    collect(p) AS same
  WHERE size(same) > 1
  UNWIND range(0, size(same) - 2) AS i
  UNWIND range(i + 1, size(same) - 1) AS j
  RETURN same[i] AS a, same[j] AS b, 'nameAndBirthDate' AS evidence, null AS householdId,
    null AS number
  UNION
  MATCH (p:Person)-[m:MEMBER_OF]->(h:Household)
  WHERE p.mergedIntoId IS NULL
    AND m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
  WITH DISTINCT h, p
  ORDER BY p.lastNameKey, p.firstNameKey, p.id
  WITH h, p.lastNameKey AS lastKey, p.firstNameKey AS firstKey, collect(p) AS same
  WHERE size(same) > 1
  UNWIND range(0, size(same) - 2) AS i
  UNWIND range(i + 1, size(same) - 1) AS j
  RETURN same[i] AS a, same[j] AS b, 'nameAndHousehold' AS evidence, h.id AS householdId,
    null AS number
  UNION
  MATCH (p:Person)-[l:HAS_PHONE]->(ph:Phone)
  WHERE p.birthDate IS NOT NULL AND p.mergedIntoId IS NULL
    AND l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)
  WITH DISTINCT ph, p
  ORDER BY p.lastNameKey, p.firstNameKey, p.id
  WITH ph, p.birthDate AS born, collect(p) AS same
  WHERE size(same) > 1
  UNWIND range(0, size(same) - 2) AS i
  UNWIND range(i + 1, size(same) - 1) AS j
  RETURN same[i] AS a, same[j] AS b, 'birthDateAndPhone' AS evidence, null AS householdId,
    ph.number AS number
}
WITH a, b, evidence, householdId, number ORDER BY evidence, householdId, number
WITH a, b, collect(DISTINCT evidence) AS evidence, collect(DISTINCT householdId) AS householdIds,
  collect(DISTINCT number) AS numbers
WITH collect({
  lastKey: a.lastNameKey, firstKey: a.firstNameKey, firstId: a.id, secondId: b.id,
  first: a {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'},
  second: b {.id, .firstName, .lastName, .preferredName, .suffix, kind: 'person'},
  birthDate: CASE WHEN a.birthDate = b.birthDate THEN a.birthDate END,
  evidence: evidence, householdIds: householdIds, numbers: numbers
}) AS pairs
RETURN size(pairs) AS total, COLLECT {
  UNWIND pairs AS p
  WITH p WHERE p.lastKey > $afterLast
    OR (p.lastKey = $afterLast AND p.firstKey > $afterFirst)
    OR (p.lastKey = $afterLast AND p.firstKey = $afterFirst AND p.firstId > $afterFirstId)
    OR (p.lastKey = $afterLast AND p.firstKey = $afterFirst AND p.firstId = $afterFirstId
      AND p.secondId > $afterSecondId)
  RETURN p ORDER BY p.lastKey, p.firstKey, p.firstId, p.secondId LIMIT $limit
} AS page
