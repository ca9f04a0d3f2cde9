// Which of $ids name an existing Person, Household or School (CSV references to the graph).
UNWIND $ids AS id
OPTIONAL MATCH (p:Person {id: id})
OPTIONAL MATCH (h:Household {id: id})
OPTIONAL MATCH (s:School {id: id})
WITH id, p, h, s WHERE p IS NOT NULL OR h IS NOT NULL OR s IS NOT NULL
RETURN collect(id) AS found
