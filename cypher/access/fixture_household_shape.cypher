// Test fixture: a household in exactly the shape the scope query reads (members, their
// enrolments, the school it was created at). Production households come from the household
// services; this keeps the access tests independent of their inputs.
CREATE (h:Household {id: $householdId, name: $householdId})
WITH h
OPTIONAL MATCH (createdAt:School {id: $createdAtSchoolId})
FOREACH (school IN CASE WHEN createdAt IS NULL THEN [] ELSE [createdAt] END |
  CREATE (h)-[:CREATED_AT]->(school)
)
WITH h
CALL (h) {
  UNWIND $members AS member
  CREATE (p:Person {id: member.personId})
  CREATE (p)-[:MEMBER_OF {startDate: member.start, endDate: member.end}]->(h)
  WITH p, member
  UNWIND member.enrolments AS enrolment
  MATCH (school:School {id: enrolment.schoolId})
  CREATE (p)-[:ENROLLED_AT {startDate: enrolment.start, endDate: enrolment.end}]->(school)
}
// @include fragments/list_household_at_schools
