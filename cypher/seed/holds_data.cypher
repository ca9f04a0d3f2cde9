// Whether the database holds anything besides migration records: an empty one can take a
// bulk initial load (neo4j-admin database import replaces the whole store).
RETURN EXISTS { MATCH (n) WHERE NOT n:SchemaMigration } AS holdsData
