// The shortest paths (at most $maxPaths) between two live people over RELATED_TO and
// MEMBER_OF edges current on $asOf, through live people and households. The search is
// bounded at 6 hops (a quantifier must be a literal); $maxLength narrows the answer.
MATCH (a:Person {id: $fromId}) WHERE a.mergedIntoId IS NULL
MATCH (b:Person {id: $toId}) WHERE b.mergedIntoId IS NULL
RETURN
  a {.id, .firstName, .lastName, .preferredName, .suffix, person: true} AS fromPerson,
  b {.id, .firstName, .lastName, .preferredName, .suffix, person: true} AS toPerson,
  COLLECT {
    MATCH p = ALL SHORTEST (a)(()-[r:RELATED_TO|MEMBER_OF]-(x)
        WHERE r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
          AND x.mergedIntoId IS NULL){1,6}(b)
    WHERE length(p) <= $maxLength
    WITH p ORDER BY [n IN nodes(p) | n.id], [r IN relationships(p) | r.id]
    LIMIT $maxPaths
    RETURN {
      nodes: [n IN nodes(p) | n {
        .id, .firstName, .lastName, .preferredName, .suffix, .name, person: n:Person
      }],
      edges: [r IN relationships(p) | r {
        .id, .type, .guardian, .secondary, .startDate, .endDate,
        fromId: startNode(r).id, toId: endNode(r).id, relatedTo: type(r) = 'RELATED_TO'
      }]
    }
  } AS paths
