// How many people carry each of these last names (the outage test finds its writes by their
// unique names), in one round trip.
UNWIND $lastNames AS lastName
OPTIONAL MATCH (p:Person {lastName: lastName})
RETURN lastName, count(p) AS count
