// Many households created at school $createdAtId, each with one member who was enrolled at
// school $formerSchoolId in 2020-21 and nowhere since (for paging tests): listed at both
// schools, yet outside the scope of a grant at $formerSchoolId today.
MATCH (created:School {id: $createdAtId}), (former:School {id: $formerSchoolId})
UNWIND $ids AS id
CREATE (h:Household {
  id: id, name: 'Bulk ' + id, nameKey: 'bulk ' + id, private: false, version: 1,
  createdAt: datetime(), createdBy: 'test', updatedAt: datetime(), updatedBy: 'test'
})-[:CREATED_AT]->(created)
CREATE (p:Person {
  id: 'member-' + id, firstName: 'Former', lastName: 'Student', firstNameKey: 'former',
  lastNameKey: 'student', version: 1
})-[:MEMBER_OF {startDate: date('2020-01-01'), secondary: false}]->(h)
CREATE (p)-[:ENROLLED_AT {startDate: date('2020-08-15'), endDate: date('2021-06-30'),
  grade: '09'}]->(former)
WITH h
// @include fragments/list_household_at_schools
RETURN count(h) AS created
