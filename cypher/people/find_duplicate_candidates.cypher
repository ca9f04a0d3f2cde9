// Other live records with the same normalized name and birth date, or the same student number,
// split by whether the caller ($employeeId) may read them: a usable grant with Read, and the
// reads' own scope rule (cypher/fragments/), so a district-wide grant sees everyone and a
// school grant the people of its households and enrolments. Of a record the caller may not
// read only the reason is returned (not who, not how many): its name and id stay here.
// @include fragments/caller_read_gate
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
WITH usable AND 'R' IN g.rights AS reads, scopeSchoolIds, p AS this, reason
WHERE this.id <> $excludeId AND this.mergedIntoId IS NULL
WITH this, reason,
  reads AND
  // @include fragments/this_person_in_scope
  AS visible
ORDER BY this.lastNameKey, this.firstNameKey, this.id, reason
WITH collect(CASE WHEN visible THEN {person: this {.*}, reason: reason} END) AS shown,
  collect(DISTINCT CASE WHEN NOT visible THEN reason END) AS hidden
RETURN shown[..20] AS candidates, hidden AS hiddenReasons
