// One round trip: every membership and location ever, and every relationship among people
// who were ever members, oldest first.
MATCH (h:Household {id: $householdId})
OPTIONAL MATCH (h)-[:CREATED_AT]->(school:School)
RETURN
  h {.*, createdAtSchoolId: school.id} AS household,
  COLLECT {
    MATCH (p:Person)-[m:MEMBER_OF]->(h)
    WITH p, m ORDER BY m.startDate, p.lastNameKey, p.id
    RETURN m {person: p {.*}, .secondary, .private, .startDate, .endDate}
  } AS members,
  COLLECT {
    MATCH (h)-[l:LOCATED_AT]->(a:Address)
    WITH a, l ORDER BY l.startDate, a.id
    RETURN l {address: a {.*}, .physical, .mailing, .secondary, .private, .startDate, .endDate}
  } AS locations,
  COLLECT {
    MATCH (a:Person)-[:MEMBER_OF]->(h)<-[:MEMBER_OF]-(b:Person)
    MATCH (a)-[r:RELATED_TO]->(b)
    WITH DISTINCT a, b, r ORDER BY r.startDate, r.id
    RETURN r {fromPersonId: a.id, toPersonId: b.id, .type, .startDate, .endDate}
  } AS relationships
