// Loading a story snapshot: the staff, their events, grants and audit records, created as
// the replay created them (only when none of the demo staff are recorded yet). The labels
// come from the snapshot, a fixed file shipped with the package.
UNWIND $rows AS row
CREATE (n:$(row.labels))
SET n = row.properties
RETURN row.index AS index, elementId(n) AS element
