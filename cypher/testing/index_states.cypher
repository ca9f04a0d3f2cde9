SHOW INDEXES YIELD name, state
WHERE name IN $names
RETURN name, state
