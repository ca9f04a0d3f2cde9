// `households(by: {phone})` in one statement: the caller's grant and a page of the households
// in its scope that ever had the phone number $number (E.164), keyset-paged on (nameKey, id).
// @include fragments/caller_read_gate
RETURN s.employmentStatus AS employmentStatus, callerGrant AS grant,
  COLLECT {
    WITH scopeSchoolIds WHERE usable
    MATCH (:Phone {number: $number})<-[:HAS_PHONE]-(h:Household)
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
