// Whether a school-based grant for the schools `scopeSchoolIds` covers household `h` on
// $onDate: a current member is currently enrolled at one of them, or the household was created
// at one of them and no current member is enrolled anywhere yet. End dates are inclusive, as
// everywhere in the household graph. The one statement of this rule; included where needed.
//
// The current members' current schools are collected once and both conditions read them.
// Written as `EXISTS {enrolled here} OR (EXISTS {created here} AND NOT EXISTS {enrolled
// anywhere})`, the planner ran the first subquery twice per household, and the third walked
// the same members and enrolments again.
any(scopeEnrolledAt IN [COLLECT {
    MATCH (h)<-[scopeMember:MEMBER_OF]-(:Person)-[scopeEnrolment:ENROLLED_AT]->(scopeSchool:School)
    WHERE scopeMember.startDate <= $onDate
      AND (scopeMember.endDate IS NULL OR scopeMember.endDate >= $onDate)
      AND scopeEnrolment.startDate <= $onDate
      AND (scopeEnrolment.endDate IS NULL OR scopeEnrolment.endDate >= $onDate)
    RETURN scopeSchool.id AS scopeSchoolId
  }] WHERE
  any(scopeSchoolId IN scopeEnrolledAt WHERE scopeSchoolId IN scopeSchoolIds)
  OR (
    scopeEnrolledAt = []
    AND EXISTS {
      MATCH (h)-[:CREATED_AT]->(scopeSchool:School)
      WHERE scopeSchool.id IN scopeSchoolIds
    }
  )
)
