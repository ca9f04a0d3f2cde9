UNWIND $teams AS team
MERGE (t:CentralOfficeTeam {id: team.id})
  ON CREATE SET t.createdAt = $now, t.createdBy = $actor, t.version = 0
SET t.name = team.name,
    t.approvedForHouseholdAccess = team.approvedForHouseholdAccess,
    t.updatedAt = $now,
    t.updatedBy = $actor,
    t.version = coalesce(t.version, 0) + 1
RETURN count(t) AS saved
