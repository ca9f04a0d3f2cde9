// Schools are shared with the household side (enrolments); only the name is ours to set.
UNWIND $schools AS school
MERGE (s:School {id: school.id})
  ON CREATE SET s.createdAt = $now, s.createdBy = $actor, s.version = 0
SET s.name = school.name,
    s.updatedAt = $now,
    s.updatedBy = $actor,
    s.version = coalesce(s.version, 0) + 1
RETURN count(s) AS saved
