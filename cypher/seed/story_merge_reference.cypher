// Loading a story snapshot: reference data merges on its id, as save_reference_data does
// (another load may have saved the same schools); the node's element id comes back for the
// relationships. One static branch per label, so each MERGE seeks its id index.
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.label = 'School'
  MERGE (n:School {id: row.properties.id}) ON CREATE SET n = row.properties
  RETURN n
  UNION
  WITH row WHERE row.label = 'JobRole'
  MERGE (n:JobRole {id: row.properties.id}) ON CREATE SET n = row.properties
  RETURN n
  UNION
  WITH row WHERE row.label = 'CentralOfficeTeam'
  MERGE (n:CentralOfficeTeam {id: row.properties.id}) ON CREATE SET n = row.properties
  RETURN n
}
RETURN row.index AS index, elementId(n) AS element
