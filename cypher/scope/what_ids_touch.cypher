// For the access decision on a write: the households and people each id touches. An id
// may name a household, a person, a relationship (both people) or an enrolment (its person).
UNWIND $ids AS id
RETURN
  id,
  COLLECT { MATCH (h:Household {id: id}) RETURN h.id AS householdId } AS householdIds,
  COLLECT {
    MATCH (p:Person {id: id}) RETURN p.id AS personId
    UNION
    MATCH (p:Person)-[:RELATED_TO {id: id}]-(:Person) RETURN p.id AS personId
    UNION
    MATCH (p:Person)-[:ENROLLED_AT {id: id}]->(:School) RETURN p.id AS personId
  } AS personIds
