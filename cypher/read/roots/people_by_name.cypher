// `people(by: {lastName})` in one statement: the caller's grant and a page of the people in
// its scope whose last name key starts with $lastPrefix (and first name key with
// $firstPrefix), keyset-paged on (lastNameKey, firstNameKey, id). Merged aliases are left
// out. A school's grant covers people through their households on $asOf (in scope on
// $onDate) or an enrolment on $asOf.
// @include fragments/caller_read_gate
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    MATCH (p:Person)
    WHERE p.lastNameKey STARTS WITH $lastPrefix AND p.firstNameKey STARTS WITH $firstPrefix
      AND p.mergedIntoId IS NULL
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
