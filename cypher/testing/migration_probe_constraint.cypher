CREATE CONSTRAINT migration_probe_name_unique IF NOT EXISTS
FOR (n:MigrationProbe) REQUIRE n.name IS UNIQUE
