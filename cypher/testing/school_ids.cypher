// Every school id, for tests that go through each school in turn.
MATCH (s:School)
RETURN s.id AS id
ORDER BY id
