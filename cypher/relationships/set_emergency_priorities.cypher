UNWIND $rows AS row
MATCH (:Person)-[r:RELATED_TO {id: row.relationshipId}]->(:Person)
SET r.emergencyPriority = row.priority, r.updatedAt = $now, r.updatedBy = $actor,
    r.version = r.version + 1
RETURN count(r) AS updated
