// Whether the caller's grant covers household `this` on $onDate: always for a district-wide
// grant (`scopeSchoolIds` null), else by the one school-scope rule.
(scopeSchoolIds IS NULL OR EXISTS {
  WITH this AS h, scopeSchoolIds
  WHERE
    // @include fragments/household_in_school_scope
})
