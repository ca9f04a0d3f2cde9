UNWIND $roles AS role
MERGE (r:JobRole {id: role.id})
  ON CREATE SET r.createdAt = $now, r.createdBy = $actor, r.version = 0
SET r.name = role.name,
    r.category = role.category,
    r.officeProfessional = role.officeProfessional,
    r.updatedAt = $now,
    r.updatedBy = $actor,
    r.version = r.version + 1
RETURN count(r) AS saved
