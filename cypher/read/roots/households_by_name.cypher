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
      // Each school's listings in their key's order, which is the page's order, read only
      // until that school has given a page: the range index yields them sorted, so nothing is
      // sorted and no listing past the page is read however many households the school lists
      // (sorting every listing that matched the prefix read ten times more of them at a
      // million households than at ten thousand). A household listed at two of the caller's
      // schools comes once from each; the union keeps one.
      CALL (listedAtId, scopeSchoolIds) {
        MATCH (h:Household)-[listing:LISTED_AT]->(:School)
        WHERE listing.key STARTS WITH listedAtId + $listingSeparator + $prefix
          AND listing.key > listedAtId + $listingSeparator + $afterKey + $listingSeparator + $afterId
        // Ordered here, filtered and limited after: written as one `RETURN h ORDER BY
        // listing.key LIMIT`, the planner read the district's name index instead, tested
        // the scope rule on every household under the prefix (8,481 at a million for one
        // prefix) and sorted them.
        WITH h, listing, scopeSchoolIds
        ORDER BY listing.key
        // The household's own name and cursor are asked again (a listing only proposes),
        // then the scope rule, candidate by candidate in page order.
        WHERE h.nameKey STARTS WITH $prefix
          AND
          // @include fragments/household_after_cursor
          AND
          // @include fragments/household_in_school_scope
        RETURN h
        LIMIT $limit
      }
      RETURN h
    }
    WITH h AS this
    ORDER BY this.nameKey, this.id
    LIMIT $limit
    RETURN {sortKey: [this.nameKey, this.id], node: @Household}
  } AS page
