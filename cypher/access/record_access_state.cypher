// Append the staff member's facts as they stand now, unless they equal the latest state kept
// (a reference-data load re-reads everyone it touches). States are only ever created.
MATCH (s:Staff {employeeId: $employeeId})
OPTIONAL MATCH (last:AccessState {employeeId: $employeeId, seq: s.stateSeq})
WITH s, last
WHERE last IS NULL OR last.facts <> $facts
SET s.stateSeq = coalesce(s.stateSeq, 0) + 1
CREATE (state:AccessState {
  id: $id, employeeId: $employeeId, seq: s.stateSeq, recordedAt: $now, facts: $facts
})
RETURN state.seq AS seq
