// Bulk load: households by id, as create_household writes them (CREATED_AT comes apart).
UNWIND $rows AS row
MERGE (h:Household {id: row.id})
ON CREATE SET h += row, h.createdAt = $now, h.createdBy = $actor, h.updatedAt = $now,
  h.updatedBy = $actor, h.version = 1
RETURN collect(row.id) AS written
