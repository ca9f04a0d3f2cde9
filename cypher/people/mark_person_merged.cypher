// Record the merge, point the merged record at the survivor, and hand the survivor any
// identifier it lacks. The merged record gives its identifiers up (they are unique) and the
// PersonMerge node keeps them so an undo can restore them.
MATCH (alias:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
CREATE (m:PersonMerge {
  id: $mergeId, survivorId: $survivorId, mergedId: $mergedId, conflicts: $conflicts,
  aliasStudentNumber: alias.studentNumber, aliasStateId: alias.stateId,
  aliasStaffEmployeeId: alias.staffEmployeeId,
  movedStudentNumber: survivor.studentNumber IS NULL AND alias.studentNumber IS NOT NULL,
  movedStateId: survivor.stateId IS NULL AND alias.stateId IS NOT NULL,
  movedStaffEmployeeId: survivor.staffEmployeeId IS NULL AND alias.staffEmployeeId IS NOT NULL,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
})
CREATE (alias)-[:MERGED_INTO {mergeId: $mergeId, createdAt: $now, createdBy: $actor}]->(survivor)
WITH alias, survivor, m
REMOVE alias.studentNumber, alias.stateId, alias.staffEmployeeId
SET alias:Merged, alias.mergedIntoId = $survivorId, alias.mergeId = $mergeId
WITH alias, survivor, m
SET survivor.studentNumber = coalesce(survivor.studentNumber, m.aliasStudentNumber),
    survivor.stateId = coalesce(survivor.stateId, m.aliasStateId),
    survivor.staffEmployeeId = coalesce(survivor.staffEmployeeId, m.aliasStaffEmployeeId)
RETURN m {.*} AS merge
