// Whether the caller's grant covers person `this`: always for a district-wide grant
// (`scopeSchoolIds` null), else through a household on $asOf or an enrolment (the one rule).
(scopeSchoolIds IS NULL OR EXISTS {
  WITH this AS p, scopeSchoolIds
  WHERE
    // @include fragments/person_in_school_scope
})
