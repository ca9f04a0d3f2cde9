// Bulk load (seed, CSV import): people by id, written as create_person writes them; a rerun
// with the same ids changes nothing. Rows carry every property, keys included.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p += row, p.createdAt = $now, p.createdBy = $actor, p.updatedAt = $now,
  p.updatedBy = $actor, p.version = 1
RETURN collect(row.id) AS written
