MERGE (m:SchemaMigration {name: $name})
ON CREATE SET m.checksum = $checksum, m.appliedAt = datetime()
