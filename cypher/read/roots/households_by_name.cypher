// `households(by: {namePrefix})` in one statement: the caller's grant and a page of the
// households in its scope whose name key starts with $prefix, keyset-paged on (nameKey, id)
// after the cursor. District-wide it reads the name index. For a school's grant it reads the
// schools' listings (the per-school name index, fragments/list_household_at_schools), whose
// keys order the candidates as the page does, and tests each candidate by the scope rule in
// page order until a page is found: the work depends on the caller's schools only, never on
// how many households elsewhere in the district share the name.
// @include fragments/caller_read_gate
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    CALL (scopeSchoolIds) {
      WITH scopeSchoolIds WHERE scopeSchoolIds IS NULL
      MATCH (h:Household)
      // The prefix is null for a school's grant: else the planner reads the district's name
      // index before it tests the branch's condition.
      WHERE h.nameKey STARTS WITH CASE WHEN scopeSchoolIds IS NULL THEN $prefix END
        AND
        // @include fragments/household_after_cursor
      RETURN h
      UNION
      WITH scopeSchoolIds WHERE scopeSchoolIds IS NOT NULL
      UNWIND scopeSchoolIds AS listedAtId
      MATCH (h:Household)-[listing:LISTED_AT]->(:School)
      WHERE listing.key STARTS WITH listedAtId + $listingSeparator + $prefix
        AND listing.key > listedAtId + $listingSeparator + $afterKey + $listingSeparator + $afterId
      // The household's own name and cursor are asked again: a listing only proposes.
      WITH DISTINCT h, scopeSchoolIds
      WHERE h.nameKey STARTS WITH $prefix
        AND
        // @include fragments/household_after_cursor
      // In page order, so the scope rule stops being asked once a page is found.
      WITH h, scopeSchoolIds
      ORDER BY h.nameKey, h.id
      WHERE
        // @include fragments/household_in_school_scope
      WITH h LIMIT $limit
      RETURN h
    }
    WITH h AS this
    ORDER BY this.nameKey, this.id
    LIMIT $limit
    RETURN {sortKey: [this.nameKey, this.id], node: @Household}
  } AS page
