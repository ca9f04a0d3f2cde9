// The relationships between the story's nodes (recording a story snapshot).
MATCH (a)-[r]->(b)
WHERE elementId(a) IN $elements AND elementId(b) IN $elements
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type, properties(r) AS properties
