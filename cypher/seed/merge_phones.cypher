// Bulk load: one Phone per E.164 number, as merge_phone does.
UNWIND $rows AS row
MERGE (p:Phone {number: row.number})
ON CREATE SET p += row, p.createdAt = $now, p.createdBy = $actor, p.updatedAt = $now,
  p.updatedBy = $actor, p.version = 1
RETURN collect(row.number) AS written
