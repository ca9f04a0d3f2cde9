// The benchmark's floor for the household page (bench/workload.py HOUSEHOLD_PAGE): the best
// single statement we can write that returns the page's data, with no authorization. Pattern
// comprehensions, temporal values formatted here, the household / non-household split and
// the emergency order computed in the statement.
MATCH (h:Household {id: $id})
RETURN h.name AS name, h.version AS version,
  [(h)-[l:LOCATED_AT]->(a:Address)
    WHERE l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)
    | {physical: l.physical, mailing: l.mailing, startDate: toString(l.startDate),
       address: a {.number, .street, .tag, .city, .state, .zip}}] AS addresses,
  [(h)-[l:HAS_PHONE]->(ph:Phone)
    WHERE l.startDate <= $asOf AND (l.endDate IS NULL OR l.endDate >= $asOf)
    | {priority: l.priority, phone: ph {.number, .type}}] AS phones,
  [(p:Person)-[m:MEMBER_OF]->(h)
    WHERE m.startDate <= $asOf AND (m.endDate IS NULL OR m.endDate >= $asOf)
    | {secondary: m.secondary, person: {
        id: p.id, firstName: p.firstName, lastName: p.lastName, birthDate: toString(p.birthDate),
        relationships: [(p)-[r:RELATED_TO]-(o:Person)
          WHERE r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
          | {label: CASE WHEN startNode(r) = p THEN coalesce($reciprocals[r.type], r.type)
                    ELSE r.type END,
             guardian: r.guardian, firstName: o.firstName, lastName: o.lastName, otherId: o.id,
             emergencyPriority: CASE WHEN endNode(r) = p THEN r.emergencyPriority END,
             household: EXISTS {
               (p)-[m1:MEMBER_OF]->(:Household)<-[m2:MEMBER_OF]-(o)
               WHERE m1.startDate <= $asOf AND (m1.endDate IS NULL OR m1.endDate >= $asOf)
                 AND m2.startDate <= $asOf AND (m2.endDate IS NULL OR m2.endDate >= $asOf)
             }}]}}] AS members
