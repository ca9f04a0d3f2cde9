// Which of $ids name an existing Person, Household, School, CentralOfficeTeam or JobRole
// (what CSV rows refer to in the graph).
UNWIND $ids AS id
OPTIONAL MATCH (p:Person {id: id})
OPTIONAL MATCH (h:Household {id: id})
OPTIONAL MATCH (s:School {id: id})
OPTIONAL MATCH (t:CentralOfficeTeam {id: id})
OPTIONAL MATCH (r:JobRole {id: id})
WITH id, coalesce(p, h, s, t, r) AS found WHERE found IS NOT NULL
RETURN collect(id) AS found
