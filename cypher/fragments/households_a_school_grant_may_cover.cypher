// Every household `h` that a grant for the schools `scopeSchoolIds` may cover on $onDate: those with
// a current member currently enrolled at one of them, and those created at one of them. A
// school-sized superset for a search to start from instead of the district's name index
// (the scope fragment then keeps exactly what the grant covers).
CALL (scopeSchoolIds) {
  MATCH (candidateSchool:School)<-[candidateEnrolment:ENROLLED_AT]-(:Person)
        -[candidateMember:MEMBER_OF]->(h:Household)
  WHERE candidateSchool.id IN scopeSchoolIds
    AND candidateEnrolment.startDate <= $onDate
    AND (candidateEnrolment.endDate IS NULL OR candidateEnrolment.endDate >= $onDate)
    AND candidateMember.startDate <= $onDate
    AND (candidateMember.endDate IS NULL OR candidateMember.endDate >= $onDate)
  RETURN h
  UNION
  MATCH (candidateSchool:School)<-[:CREATED_AT]-(h:Household)
  WHERE candidateSchool.id IN scopeSchoolIds
  RETURN h
}
