MATCH (m:SchemaMigration {name: $name})
DELETE m
