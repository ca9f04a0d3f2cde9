// For a write: whether each of $targets ({id, kind}, kind "Household", "Person",
// "Relationship" or "Enrollment") names a record of its kind, and whether a grant for the
// schools $schoolIds (null: district-wide) covers it on $onDate, by the rules written once in
// cypher/fragments/: a household directly; a person through a household or an enrolment on
// $asOf; a relationship through either of its people; an enrolment through its person.
// `unplaced`: a person with no household and no enrolment on $asOf (someone just created,
// whom Add or Write may place).
//
// One ordered seek of the kind's index finds the record the id names or, when it names
// nothing, a stand-in: the record with the next id up. The checks run on whichever was found,
// so an id outside the scope and an id of nothing take the same statements and the same work
// (issue 12; the compiled reads do the same, fragments/person_or_stand_in). A stand-in decides
// nothing: `named` is false for it, and so are `inScope` and `unplaced`. Each kind's seek
// has a bound only for a target of its kind (null otherwise: the seek reads nothing). A
// `kind = ...` beside the seek's condition was planned as a filter after the seek: a false
// one let no row reach the LIMIT, and the seek read every id above the target's (half of all
// households, relationships and enrolments per write, on average). An UNWIND of the id or of
// nothing lost the index's order and sorted every id above the target's instead.
WITH $schoolIds AS scopeSchoolIds
UNWIND $targets AS target
WITH scopeSchoolIds, target.id AS targetId, target.kind AS kind
OPTIONAL CALL (targetId, kind) {
  MATCH (candidate:Household)
  WHERE candidate.id >= CASE kind WHEN 'Household' THEN targetId END
  RETURN candidate AS household ORDER BY candidate.id LIMIT 1
}
OPTIONAL CALL (targetId, kind) {
  MATCH (candidate:Person)
  WHERE candidate.id >= CASE kind WHEN 'Person' THEN targetId END
  RETURN candidate AS person ORDER BY candidate.id LIMIT 1
}
OPTIONAL CALL (targetId, kind) {
  MATCH (one:Person)-[candidate:RELATED_TO]->(other:Person)
  WHERE candidate.id >= CASE kind WHEN 'Relationship' THEN targetId END
  WITH one, other, candidate ORDER BY candidate.id LIMIT 1
  RETURN candidate.id AS relationshipId, [one, other] AS relatedPeople
}
OPTIONAL CALL (targetId, kind) {
  MATCH (student:Person)-[candidate:ENROLLED_AT]->(:School)
  WHERE candidate.id >= CASE kind WHEN 'Enrollment' THEN targetId END
  WITH student, candidate ORDER BY candidate.id LIMIT 1
  RETURN candidate.id AS enrolmentId, [student] AS enrolledPeople
}
WITH scopeSchoolIds, targetId, kind, household, person,
  coalesce(household.id, person.id, relationshipId, enrolmentId) = targetId AS named,
  coalesce(relatedPeople, enrolledPeople, []) AS linkedPeople, person AS p
WITH scopeSchoolIds, targetId, kind, household, person, named, linkedPeople,
  p IS NOT NULL
    AND size(
      // @include fragments/person_household_ids
    ) = 0
    AND size(
      // @include fragments/person_school_ids
    ) = 0 AS checkedUnplaced
WITH targetId, kind, named, checkedUnplaced,
  CASE
    WHEN household IS NOT NULL THEN any(this IN [household] WHERE
      // @include fragments/this_household_in_scope
    )
    ELSE any(this IN CASE WHEN person IS NULL THEN linkedPeople ELSE [person] END WHERE
      // @include fragments/this_person_in_scope
    )
  END AS checkedInScope
// The checks first (they ran on a stand-in too), then whether it is the record asked for.
RETURN targetId AS id, kind,
  coalesce(named, false) AS named,
  checkedInScope AND coalesce(named, false) AS inScope,
  checkedUnplaced AND coalesce(named, false) AS unplaced
