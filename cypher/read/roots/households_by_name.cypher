// `households(by: {namePrefix})` in one statement: the caller's grant and a page of the
// households in its scope whose name key starts with $prefix, keyset-paged on (nameKey, id)
// after the cursor. District-wide it reads the name index; for a school's grant it starts from
// the households the grant may cover (the cost does not grow with the district) and keeps
// those the grant covers on $onDate.
// @include fragments/caller_read_gate
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    CALL (scopeSchoolIds) {
      WITH scopeSchoolIds WHERE scopeSchoolIds IS NULL
      MATCH (h:Household)
      WHERE h.nameKey STARTS WITH $prefix
        AND (h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId))
      RETURN h
      UNION
      WITH scopeSchoolIds WHERE scopeSchoolIds IS NOT NULL
      // @include fragments/households_a_school_grant_may_cover
      // Names first (a property test), the scope rule only for the few that match.
      WITH DISTINCT h, scopeSchoolIds
      WHERE h.nameKey STARTS WITH $prefix
        AND (h.nameKey > $afterKey OR (h.nameKey = $afterKey AND h.id > $afterId))
      // A clause of its own, so the scope rule runs only for the few names that match.
      WITH h, scopeSchoolIds
      WHERE
        // @include fragments/household_in_school_scope
      RETURN h
    }
    WITH h AS this
    ORDER BY this.nameKey, this.id
    LIMIT $limit
    RETURN {sortKey: [this.nameKey, this.id], node: @Household}
  } AS page
