// Current street addresses of households in the school's scope, for address searches.
MATCH (s:School {id: $schoolId})<-[e:ENROLLED_AT]-(:Person)-[:MEMBER_OF]->(h:Household)
      -[l:LOCATED_AT]->(a:Address)
WHERE e.endDate IS NULL AND l.endDate IS NULL AND a.street IS NOT NULL
RETURN DISTINCT coalesce(a.number + ' ', '') + a.street AS prefix
LIMIT $limit
