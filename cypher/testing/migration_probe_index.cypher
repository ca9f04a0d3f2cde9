// The probe migration's schema (with migration_probe_constraint), then its backfill
// (migration_probe_backfill): the shape of a migration that indexes what it then fills in.
CREATE INDEX migration_probe_key IF NOT EXISTS FOR (n:MigrationProbe) ON (n.key)
