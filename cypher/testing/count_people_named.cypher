// How many people carry a last name (the outage test finds its writes by their unique names).
MATCH (p:Person {lastName: $lastName})
RETURN count(p) AS count
