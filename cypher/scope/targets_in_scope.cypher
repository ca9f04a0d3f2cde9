// For the access log's explanation of a past write: whether a grant for the schools
// $schoolIds (null: district-wide) covered each of $ids, of any kind, on $onDate, by the rules
// written once in cypher/fragments/: a household directly; a person through a household or an
// enrolment on $asOf; a relationship through either of its people; an enrolment through its
// person. `unplaced`: a person with no household and no enrolment on $asOf (someone just
// created, whom Add or Write may place). A write checks its own targets with
// write_targets_in_scope.
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
  CASE
    WHEN household IS NOT NULL THEN any(this IN [household] WHERE
      // @include fragments/this_household_in_scope
    )
    ELSE any(this IN CASE WHEN person IS NULL THEN linkedPeople ELSE [person] END WHERE
      // @include fragments/this_person_in_scope
    )
  END AS inScope,
  unplaced
