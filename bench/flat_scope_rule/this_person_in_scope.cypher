// For bench.resume --fragments bench/flat_scope_rule: the person scope rule with no EXISTS
// nested in another but one (the household rule's parts joined to the person's household by
// a second MATCH, which does not need a relationship of its own), to measure what nesting
// costs to plan. Meant to answer alike (not run through the authorization tests); not adopted
// (docs/operations.md): a person out of scope has their memberships read twice, and the
// planning it saves is within the noise of a cold start.
(scopeSchoolIds IS NULL
  OR EXISTS {
    MATCH (this)-[scopeStudent:ENROLLED_AT]->(scopeSchool:School)
    WHERE scopeSchool.id IN scopeSchoolIds
      AND scopeStudent.startDate <= $asOf
      AND (scopeStudent.endDate IS NULL OR scopeStudent.endDate >= $asOf)
  }
  OR EXISTS {
    MATCH (this)-[scopeMembership:MEMBER_OF]->(h:Household)
    WHERE scopeMembership.startDate <= $asOf
      AND (scopeMembership.endDate IS NULL OR scopeMembership.endDate >= $asOf)
    MATCH (h)<-[scopeMember:MEMBER_OF]-(:Person)-[scopeEnrolment:ENROLLED_AT]->(scopeSchool:School)
    WHERE scopeSchool.id IN scopeSchoolIds
      AND scopeMember.startDate <= $onDate
      AND (scopeMember.endDate IS NULL OR scopeMember.endDate >= $onDate)
      AND scopeEnrolment.startDate <= $onDate
      AND (scopeEnrolment.endDate IS NULL OR scopeEnrolment.endDate >= $onDate)
  }
  OR EXISTS {
    MATCH (this)-[scopeMembership:MEMBER_OF]->(h:Household)-[:CREATED_AT]->(scopeSchool:School)
    WHERE scopeMembership.startDate <= $asOf
      AND (scopeMembership.endDate IS NULL OR scopeMembership.endDate >= $asOf)
      AND scopeSchool.id IN scopeSchoolIds
      AND NOT EXISTS {
        MATCH (h)<-[scopeMember:MEMBER_OF]-(:Person)-[scopeEnrolment:ENROLLED_AT]->(:School)
        WHERE scopeMember.startDate <= $onDate
          AND (scopeMember.endDate IS NULL OR scopeMember.endDate >= $onDate)
          AND scopeEnrolment.startDate <= $onDate
          AND (scopeEnrolment.endDate IS NULL OR scopeEnrolment.endDate >= $onDate)
      }
  }
)
