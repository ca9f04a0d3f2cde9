// For a write: what each of $ids names, and whether a grant for the schools $schoolIds (null:
// district-wide) covers it on $onDate, by the rules written once in cypher/fragments/: a
// household directly; a person through a household or an enrolment on $asOf; a relationship
// through either of its people; an enrolment through its person. `unplaced`: a person with
// no household and no enrolment on $asOf (someone just created, whom Add or Write may place).
WITH $schoolIds AS scopeSchoolIds
UNWIND $ids AS targetId
OPTIONAL MATCH (household:Household {id: targetId})
OPTIONAL MATCH (person:Person {id: targetId})
WITH scopeSchoolIds, targetId, household, person,
  COLLECT {
    MATCH (linked:Person)-[:RELATED_TO {id: targetId}]-(:Person) RETURN linked
    UNION
    MATCH (linked:Person)-[:ENROLLED_AT {id: targetId}]->(:School) RETURN linked
  } AS linkedPeople
WITH scopeSchoolIds, targetId, household, person, linkedPeople, person AS p
WITH scopeSchoolIds, targetId, household, person, linkedPeople,
  p IS NOT NULL
    AND size(
      // @include fragments/person_household_ids
    ) = 0
    AND size(
      // @include fragments/person_school_ids
    ) = 0 AS unplaced
RETURN targetId AS id,
  household IS NOT NULL AS isHousehold,
  person IS NOT NULL AS isPerson,
  size(linkedPeople) > 0 AS isLinked,
  CASE
    WHEN household IS NOT NULL THEN any(this IN [household] WHERE
      // @include fragments/this_household_in_scope
    )
    ELSE any(this IN CASE WHEN person IS NULL THEN linkedPeople ELSE [person] END WHERE
      // @include fragments/this_person_in_scope
    )
  END AS inScope,
  unplaced
