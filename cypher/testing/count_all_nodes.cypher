// Every node of the database (a test checks that a database started empty).
MATCH (n)
RETURN count(n) AS count
