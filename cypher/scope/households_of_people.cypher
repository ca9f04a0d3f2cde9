// For the access decision on people: each person's current households and the schools
// they are enrolled at on $asOf (a person is in scope through either).
UNWIND $personIds AS personId
MATCH (p:Person {id: personId})
RETURN
  p.id AS personId,
  // @include fragments/person_household_ids
  AS householdIds,
  // @include fragments/person_school_ids
  AS schoolIds
