MATCH (s:School) RETURN collect(s.id) AS ids
