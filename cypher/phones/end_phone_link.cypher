MATCH ()-[l:HAS_PHONE {id: $linkId}]->(:Phone)
SET l.endDate = $endDate, l.updatedAt = $now, l.updatedBy = $actor, l.version = l.version + 1
RETURN l.id AS id
