// Pairs of live people who may be one person, with the evidence: same name keys and birth
// date; same name keys and a household both are current members of on $asOf; same birth
// date and a phone both currently have. A pair is (a, b) with a first by (last, first name
// keys, id), so the same two always come in the same order. All pairs are counted; the
// page is keyset-ordered on (a's last and first name keys, a.id, b.id).
// census_counts repeats this definition for the report's count (a test holds them equal).
CALL () {
  MATCH (a:Person), (b:Person)
  WHERE a.lastNameKey = b.lastNameKey AND a.firstNameKey = b.firstNameKey
    AND a.birthDate = b.birthDate AND a.id < b.id
  RETURN a, b, 'nameAndBirthDate' AS evidence, null AS householdId, null AS number
  UNION
  MATCH (a:Person)-[m1:MEMBER_OF]->(h:Household)<-[m2:MEMBER_OF]-(b:Person)
  WHERE a.lastNameKey = b.lastNameKey AND a.firstNameKey = b.firstNameKey AND a.id < b.id
    AND m1.startDate <= $asOf AND (m1.endDate IS NULL OR m1.endDate >= $asOf)
    AND m2.startDate <= $asOf AND (m2.endDate IS NULL OR m2.endDate >= $asOf)
  RETURN a, b, 'nameAndHousehold' AS evidence, h.id AS householdId, null AS number
  UNION
  MATCH (a:Person)-[l1:HAS_PHONE]->(ph:Phone)<-[l2:HAS_PHONE]-(b:Person)
  WHERE a.birthDate = b.birthDate
    AND (a.lastNameKey < b.lastNameKey OR (a.lastNameKey = b.lastNameKey
      AND (a.firstNameKey < b.firstNameKey OR (a.firstNameKey = b.firstNameKey AND a.id < b.id))))
    AND l1.startDate <= $asOf AND (l1.endDate IS NULL OR l1.endDate >= $asOf)
    AND l2.startDate <= $asOf AND (l2.endDate IS NULL OR l2.endDate >= $asOf)
  RETURN a, b, 'birthDateAndPhone' AS evidence, null AS householdId, ph.number AS number
}
WITH a, b, evidence, householdId, number
WHERE a.mergedIntoId IS NULL AND b.mergedIntoId IS NULL
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
