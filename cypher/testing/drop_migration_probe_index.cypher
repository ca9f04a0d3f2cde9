DROP INDEX migration_probe_key IF EXISTS
