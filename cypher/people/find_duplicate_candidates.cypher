// Other live records with the same normalized name and birth date, or the same student number.
CALL () {
  MATCH (p:Person)
  WHERE p.lastNameKey = $lastNameKey AND p.firstNameKey = $firstNameKey
    AND p.birthDate = $birthDate AND $birthDate IS NOT NULL
  RETURN p, 'name and birth date' AS reason
  UNION
  MATCH (p:Person)
  WHERE p.studentNumber = $studentNumber AND $studentNumber IS NOT NULL
  RETURN p, 'student number' AS reason
}
WITH p, reason
WHERE p.id <> $excludeId AND p.mergedIntoId IS NULL
RETURN p {.*} AS person, reason
ORDER BY p.lastNameKey, p.firstNameKey, p.id
LIMIT 20
