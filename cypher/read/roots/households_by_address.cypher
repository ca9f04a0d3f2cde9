// `households(by: {addressPrefix})` in one statement: the caller's grant and a page of the
// households in its scope ever located at an address whose street key ("12 MAIN ST",
// "PO BOX 7") starts with $prefix or holds $streetName as a word run ("MAIN ST" typed without
// a number); keyset-paged on (nameKey, id) after the cursor.
// @include fragments/caller_read_gate
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    CALL () {
      MATCH (a:Address) WHERE a.streetKey STARTS WITH $prefix RETURN a
      UNION
      MATCH (a:Address) WHERE a.streetKey CONTAINS $streetName RETURN a
    }
    MATCH (a)<-[:LOCATED_AT]-(h:Household)
    WITH DISTINCT h, scopeSchoolIds
    WHERE
      // @include fragments/household_after_cursor
    WITH h, scopeSchoolIds
    WHERE scopeSchoolIds IS NULL
      OR (
        // @include fragments/household_listed_in_school_scope
        AND
        // @include fragments/household_in_school_scope
      )
    WITH h AS this
    ORDER BY this.nameKey, this.id
    LIMIT $limit
    RETURN {sortKey: [this.nameKey, this.id], node: @Household}
  } AS page
