// Bulk load: ENROLLED_AT edges by id, with enrol_person's properties.
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}), (s:School {id: row.schoolId})
MERGE (p)-[e:ENROLLED_AT {id: row.id}]->(s)
ON CREATE SET e.startDate = row.startDate, e.endDate = row.endDate, e.grade = row.grade,
  e.createdAt = $now, e.createdBy = $actor, e.updatedAt = $now, e.updatedBy = $actor,
  e.version = 1
RETURN collect(row.id) AS written
