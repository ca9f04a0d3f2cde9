MATCH (n:TestMarker)
RETURN count(n) AS count
