// Whether a school-based grant for the schools `scopeSchoolIds` covers person `p`: through a
// household `p` belongs to on $asOf that the grant covers on $onDate, or through an enrolment
// at one of the schools on $asOf.
(
  EXISTS {
    MATCH (p)-[scopeMembership:MEMBER_OF]->(h:Household)
    WHERE scopeMembership.startDate <= $asOf
      AND (scopeMembership.endDate IS NULL OR scopeMembership.endDate >= $asOf)
      AND
      // @include fragments/household_in_school_scope
  }
  OR EXISTS {
    MATCH (p)-[scopeStudent:ENROLLED_AT]->(scopeSchool:School)
    WHERE scopeSchool.id IN scopeSchoolIds
      AND scopeStudent.startDate <= $asOf
      AND (scopeStudent.endDate IS NULL OR scopeStudent.endDate >= $asOf)
  }
)
