// The staff member's latest state recorded at or before $at, and whether any state is kept
// at all (staff recorded before history was kept have none).
MATCH (s:Staff {employeeId: $employeeId})
CALL (s) {
  OPTIONAL MATCH (state:AccessState {employeeId: s.employeeId})
  WHERE state.recordedAt <= $at
  WITH state
  ORDER BY state.recordedAt DESC, state.seq DESC
  LIMIT 1
  RETURN state.facts AS facts
}
CALL (s) {
  OPTIONAL MATCH (first:AccessState {employeeId: s.employeeId, seq: 1})
  RETURN first.recordedAt AS historyFrom
}
RETURN s.employeeId AS employeeId, coalesce(s.name, s.employeeId) AS name, facts, historyFrom,
       s.createdAt AS knownSince
