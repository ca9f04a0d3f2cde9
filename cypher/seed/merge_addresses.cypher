// Bulk load: one Address per normalized key, as merge_address does (first spelling kept).
UNWIND $rows AS row
MERGE (a:Address {normalizedKey: row.normalizedKey})
ON CREATE SET a += row, a.createdAt = $now, a.createdBy = $actor, a.updatedAt = $now,
  a.updatedBy = $actor, a.version = 1
RETURN collect(row.normalizedKey) AS written
