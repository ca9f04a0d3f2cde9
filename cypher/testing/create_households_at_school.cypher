// Many bare households created at one school (for enumeration tests): real ids that are
// out of scope for staff of other schools.
MATCH (s:School {id: $schoolId})
UNWIND $ids AS id
CREATE (h:Household {
  id: id, name: 'Bulk ' + id, nameKey: 'bulk ' + id, private: false, version: 1,
  createdAt: datetime(), createdBy: 'test', updatedAt: datetime(), updatedBy: 'test'
})-[:CREATED_AT]->(s)
WITH h
// @include fragments/list_household_at_schools
RETURN count(h) AS created
