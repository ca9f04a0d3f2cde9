UNWIND $migrations AS migration
MERGE (m:SchemaMigration {name: migration.name})
ON CREATE SET m.checksum = migration.checksum, m.appliedAt = datetime()
