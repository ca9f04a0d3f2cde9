// Every node the staff story wrote (an empty database holds nothing else): recording a
// story snapshot. Household data and migration records are left out.
MATCH (n)
WHERE NOT (n:SchemaMigration OR n:Person OR n:Household OR n:Address OR n:Phone)
RETURN elementId(n) AS element, labels(n) AS labels, properties(n) AS properties
