// `people(by: {birthDate})` in one statement: the caller's grant and a page of the people in
// its scope born on $birthDate, keyset-paged on (lastNameKey, firstNameKey, id).
// @include fragments/caller_read_gate
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    MATCH (p:Person {birthDate: $birthDate})
    WHERE p.mergedIntoId IS NULL
      AND (p.lastNameKey > $afterLast
        OR (p.lastNameKey = $afterLast AND p.firstNameKey > $afterFirst)
        OR (p.lastNameKey = $afterLast AND p.firstNameKey = $afterFirst AND p.id > $afterId))
    WITH p, scopeSchoolIds
    WHERE scopeSchoolIds IS NULL
      OR
      // @include fragments/person_in_school_scope
    WITH p AS this
    ORDER BY this.lastNameKey, this.firstNameKey, this.id
    LIMIT $limit
    RETURN {sortKey: [this.lastNameKey, this.firstNameKey, this.id], node: @Person}
  } AS page
