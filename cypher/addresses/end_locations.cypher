UNWIND $locationIds AS locationId
MATCH (:Household)-[l:LOCATED_AT {id: locationId}]->(:Address)
SET l.endDate = $endDate, l.updatedAt = $now, l.updatedBy = $actor, l.version = l.version + 1
RETURN count(l) AS ended
