UNWIND $rows AS row
MATCH ()-[l:HAS_PHONE {id: row.linkId}]->(:Phone)
SET l.priority = row.priority, l.updatedAt = $now, l.updatedBy = $actor,
    l.version = l.version + 1
RETURN count(l) AS updated
