// One round trip for many people (the API's DataLoader). A relationship is a household
// one when both people have a membership of one household current on $asOf.
UNWIND $personIds AS personId
MATCH (p:Person {id: personId})
RETURN
  p {.*} AS person,
  COLLECT {
    MATCH (p)-[m:MEMBER_OF]->(h:Household)
    WHERE m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
    OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
    WITH h, m, school ORDER BY m.secondary, h.nameKey, h.id
    RETURN m {household: h {.*, createdAtSchoolId: school.id}, .secondary, .private,
              .startDate, .endDate}
  } AS memberships,
  COLLECT {
    MATCH (p)-[r:RELATED_TO]-(other:Person)
    WHERE r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
      AND other.mergedIntoId IS NULL
    WITH other, r, startNode(r) = p AS outgoing,
      EXISTS {
        MATCH (p)-[m1:MEMBER_OF]->(:Household)<-[m2:MEMBER_OF]-(other)
        WHERE m1.startDate <= $asOf AND (m1.endDate IS NULL OR m1.endDate >= $asOf)
          AND m2.startDate <= $asOf AND (m2.endDate IS NULL OR m2.endDate >= $asOf)
      } AS household
    ORDER BY coalesce(r.emergencyPriority, 1000), other.lastNameKey, other.firstNameKey, other.id
    RETURN {
      other: other {.*}, outgoing: outgoing, household: household,
      relationship: r {.*, fromPersonId: startNode(r).id, toPersonId: endNode(r).id}
    }
  } AS relationships,
  COLLECT {
    MATCH (p)-[e:ENROLLED_AT]->(s:School)
    WHERE e.startDate <= $asOf AND (e.endDate IS NULL OR e.endDate >= $asOf)
    WITH e, s ORDER BY e.startDate, s.id
    RETURN e {.id, school: s {.id, .name}, .grade, .startDate, .endDate}
  } AS enrolments,
  COLLECT {
    MATCH (p)-[l:HAS_PHONE]->(ph:Phone)
    WHERE l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)
    WITH ph, l ORDER BY l.priority, ph.id
    RETURN l {phone: ph {.*}, .priority, .private, .startDate, .endDate}
  } AS phones
