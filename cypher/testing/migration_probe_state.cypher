// What the probe migration left: the keys it filled in and its record.
OPTIONAL MATCH (n:MigrationProbe)
WITH collect(n.key) AS keys
OPTIONAL MATCH (m:SchemaMigration {name: $name})
RETURN keys, count(m) AS records
