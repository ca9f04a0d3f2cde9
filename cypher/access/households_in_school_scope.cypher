// A school-based grant covers a household when a current member is currently enrolled at
// one of $schoolIds, or when the household was created at one of them and no current member
// is enrolled anywhere yet. End dates are inclusive, as everywhere in the household graph.
UNWIND $householdIds AS householdId
MATCH (h:Household {id: householdId})
WHERE EXISTS {
    MATCH (h)<-[m:MEMBER_OF]-(:Person)-[e:ENROLLED_AT]->(school:School)
    WHERE school.id IN $schoolIds
      AND m.startDate <= $onDate AND (m.endDate IS NULL OR m.endDate >= $onDate)
      AND e.startDate <= $onDate AND (e.endDate IS NULL OR e.endDate >= $onDate)
  }
  OR (
    EXISTS {
      MATCH (h)-[:CREATED_AT]->(school:School)
      WHERE school.id IN $schoolIds
    }
    AND NOT EXISTS {
      MATCH (h)<-[m:MEMBER_OF]-(:Person)-[e:ENROLLED_AT]->(:School)
      WHERE m.startDate <= $onDate AND (m.endDate IS NULL OR m.endDate >= $onDate)
        AND e.startDate <= $onDate AND (e.endDate IS NULL OR e.endDate >= $onDate)
    }
  )
RETURN DISTINCT h.id AS id
