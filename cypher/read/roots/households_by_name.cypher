// `households(by: {namePrefix})` in one statement: the caller's grant and a page of the
// households in its scope whose name key starts with $prefix, keyset-paged on (nameKey, id)
// after the cursor. District-wide it reads the name index. For a school's grant it takes the
// cheaper of two ways, judged in the statement from two counts that cost little to read:
// - fewer names match than $namesPerEnrolment times the schools' enrolments: the name index
//   in name order, each name tested by the scope rule until a page is found;
// - else: from the households the grant may cover (a cost that does not grow with the
//   district), keeping those whose name matches and the grant covers on $onDate.
// @include fragments/caller_read_gate
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    OPTIONAL MATCH (grantSchool:School)
    WHERE grantSchool.id IN scopeSchoolIds
    // A school's enrolments are counted from its relationship groups, not read one by one.
    WITH scopeSchoolIds, sum(COUNT { (grantSchool)<-[:ENROLLED_AT]-() }) AS enrolments
    // The names are counted from the index alone, and at most 5,000 of them.
    WITH scopeSchoolIds,
      scopeSchoolIds IS NOT NULL AND COUNT {
        MATCH (h:Household)
        WHERE h.nameKey STARTS WITH $prefix
          AND
          // @include fragments/household_after_cursor
        RETURN h LIMIT 5000
      } < $namesPerEnrolment * enrolments AS byName
    CALL (scopeSchoolIds, byName) {
      WITH scopeSchoolIds WHERE scopeSchoolIds IS NULL
      MATCH (h:Household)
      WHERE h.nameKey STARTS WITH $prefix
        AND
        // @include fragments/household_after_cursor
      RETURN h
      UNION
      WITH scopeSchoolIds WHERE byName
      MATCH (h:Household)
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
      UNION
      WITH scopeSchoolIds WHERE scopeSchoolIds IS NOT NULL AND NOT byName
      // @include fragments/households_a_school_grant_may_cover
      // Names first (a property test), the scope rule only for the few that match.
      WITH DISTINCT h, scopeSchoolIds
      WHERE h.nameKey STARTS WITH $prefix
        AND
        // @include fragments/household_after_cursor
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
