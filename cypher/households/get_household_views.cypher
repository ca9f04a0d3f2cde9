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
  } AS phones,
  COLLECT {
    // Relationships between two people who are both members on $asOf, current then too.
    MATCH (a:Person)-[ma:MEMBER_OF]->(h)<-[mb:MEMBER_OF]-(b:Person)
    WHERE ma.startDate <= $asOf AND (ma.endDate IS NULL OR ma.endDate >= $asOf)
      AND mb.startDate <= $asOf AND (mb.endDate IS NULL OR mb.endDate >= $asOf)
      AND a.mergedIntoId IS NULL AND b.mergedIntoId IS NULL
    MATCH (a)-[r:RELATED_TO]->(b)
    WHERE r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
    WITH DISTINCT a, b, r ORDER BY r.startDate, r.id
    RETURN r {.*, fromPersonId: a.id, toPersonId: b.id}
  } AS relationships
