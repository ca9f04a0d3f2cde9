// The network around a person or household: every node at most 1 hop(s) away over
// RELATED_TO and MEMBER_OF edges current on $asOf (merged aliases left out), nearest
// first, then the edges among the kept nodes. $fetch = limit + 1 nodes are reached so the
// caller sees truncation. network_depth_1/2/3 differ only in the hop bound (a quantifier
// must be a literal).
CALL () {
  MATCH (c:Person {id: $centerId}) WHERE c.mergedIntoId IS NULL RETURN c
  UNION
  MATCH (c:Household {id: $centerId}) RETURN c
}
MATCH p = ANY SHORTEST (c)(()-[r:RELATED_TO|MEMBER_OF]-(x)
    WHERE r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
      AND x.mergedIntoId IS NULL){0,1}(n)
WITH c, n, length(p) AS depth
ORDER BY depth, coalesce(n.lastNameKey, n.nameKey), coalesce(n.firstNameKey, ''), n.id
LIMIT $fetch
WITH c, collect(n {
    .id, .firstName, .lastName, .preferredName, .suffix, .name, person: n:Person, depth: depth
  }) AS reached, collect(n) AS reachedNodes
WITH c, reached[..$limit] AS nodes, reachedNodes[..$limit] AS kept,
  size(reached) > $limit AS truncated
WITH c, nodes, kept, truncated, [k IN kept | k.id] AS ids
RETURN
  c.id AS centerId,
  truncated,
  nodes,
  COLLECT {
    UNWIND kept AS a
    MATCH (a)-[r:RELATED_TO|MEMBER_OF]->(b)
    WHERE b.id IN ids AND r.startDate <= $asOf AND (r.endDate IS NULL OR r.endDate >= $asOf)
    RETURN r {
      .id, .type, .guardian, .secondary, .startDate, .endDate,
      fromId: a.id, toId: b.id, relatedTo: type(r) = 'RELATED_TO',
      household: type(r) = 'RELATED_TO' AND EXISTS {
        MATCH (a)-[m1:MEMBER_OF]->(:Household)<-[m2:MEMBER_OF]-(b)
        WHERE m1.startDate <= $asOf AND (m1.endDate IS NULL OR m1.endDate >= $asOf)
          AND m2.startDate <= $asOf AND (m2.endDate IS NULL OR m2.endDate >= $asOf)
      }
    } AS edge
    ORDER BY edge.id
  } AS edges
