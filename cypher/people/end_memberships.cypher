UNWIND $membershipIds AS membershipId
MATCH (:Person)-[m:MEMBER_OF {id: membershipId}]->(:Household)
SET m.endDate = $endDate, m.updatedAt = $now, m.updatedBy = $actor, m.version = m.version + 1
RETURN count(m) AS ended
