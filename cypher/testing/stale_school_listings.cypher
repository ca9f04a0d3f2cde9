// Tests only: households whose listings (LISTED_AT) differ from what the graph says they
// should be, stated here independently of fragments/list_household_at_schools so that a
// write path that forgets the fragment, or a fragment that is wrong, is caught.
MATCH (h:Household)
WITH h,
  COLLECT {
    MATCH (h)<-[:MEMBER_OF]-(:Person)-[:ENROLLED_AT]->(s:School)
    RETURN s.id AS id
    UNION
    MATCH (h)-[:CREATED_AT]->(s:School)
    RETURN s.id AS id
  } AS wanted,
  COLLECT { MATCH (h)-[:LISTED_AT]->(s:School) RETURN s.id } AS listed,
  COLLECT {
    MATCH (h)-[l:LISTED_AT]->(s:School)
    WHERE h.nameKey IS NOT NULL
      AND (l.key IS NULL OR l.key <> s.id + '\u001F' + h.nameKey + '\u001F' + h.id)
    RETURN s.id
  } AS wrongKeys
WHERE size(wanted) <> size(listed) OR any(id IN wanted WHERE NOT id IN listed)
  OR size(wrongKeys) > 0
RETURN h.id AS householdId, wanted, listed, wrongKeys
ORDER BY householdId
LIMIT 10
