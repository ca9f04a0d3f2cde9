// One round trip for many households (the API's DataLoader): each with what held on
// $asOf (end dates are inclusive).
UNWIND $householdIds AS householdId
MATCH (h:Household {id: householdId})
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
RETURN
  h {.*, createdAtSchoolId: school.id} AS household,
  COLLECT {
    MATCH (p:Person)-[m:MEMBER_OF]->(h)
    WHERE m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
      AND p.mergedIntoId IS NULL  // a merged alias is represented by its survivor
    WITH p, m ORDER BY m.secondary, p.lastNameKey, p.firstNameKey, p.id
    RETURN m {person: p {.*}, .secondary, .private, .startDate, .endDate}
  } AS members,
  COLLECT {
    MATCH (h)-[l:LOCATED_AT]->(a:Address)
    WHERE l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)
    WITH a, l ORDER BY l.secondary, l.physical DESC, l.startDate, a.id
    RETURN l {address: a {.*}, .physical, .mailing, .secondary, .private, .startDate, .endDate}
  } AS locations,
  COLLECT {
    MATCH (h)-[l:HAS_PHONE]->(ph:Phone)
    WHERE l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)
    WITH ph, l ORDER BY l.priority, ph.id
    RETURN l {phone: ph {.*}, .priority, .private, .startDate, .endDate}
  } AS phones
