// Whether a school-based grant for the schools `scopeSchoolIds` covers household `h` on
// $onDate: a current member is currently enrolled at one of them, or the household was created
// at one of them and no current member is enrolled anywhere yet. End dates are inclusive, as
// everywhere in the household graph. The one statement of this rule; included where needed.
(
  EXISTS {
    MATCH (h)<-[scopeMember:MEMBER_OF]-(:Person)-[scopeEnrolment:ENROLLED_AT]->(scopeSchool:School)
    WHERE scopeSchool.id IN scopeSchoolIds
      AND scopeMember.startDate <= $onDate
      AND (scopeMember.endDate IS NULL OR scopeMember.endDate >= $onDate)
      AND scopeEnrolment.startDate <= $onDate
      AND (scopeEnrolment.endDate IS NULL OR scopeEnrolment.endDate >= $onDate)
  }
  OR (
    EXISTS {
      MATCH (h)-[:CREATED_AT]->(scopeSchool:School)
      WHERE scopeSchool.id IN scopeSchoolIds
    }
    AND NOT EXISTS {
      MATCH (h)<-[scopeMember:MEMBER_OF]-(:Person)-[scopeEnrolment:ENROLLED_AT]->(:School)
      WHERE scopeMember.startDate <= $onDate
        AND (scopeMember.endDate IS NULL OR scopeMember.endDate >= $onDate)
        AND scopeEnrolment.startDate <= $onDate
        AND (scopeEnrolment.endDate IS NULL OR scopeEnrolment.endDate >= $onDate)
    }
  )
)
