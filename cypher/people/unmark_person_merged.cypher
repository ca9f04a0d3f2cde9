// Undo a merge's marks: identifiers the survivor received go back to the merged record,
// which stops pointing at the survivor. The PersonMerge node stays, stamped as undone.
MATCH (m:PersonMerge {id: $mergeId})
MATCH (alias:Person {id: m.mergedId}), (survivor:Person {id: m.survivorId})
OPTIONAL MATCH (alias)-[pointer:MERGED_INTO {mergeId: $mergeId}]->(survivor)
DELETE pointer
WITH m, alias, survivor
// An identifier the survivor received goes back only if it still holds that value.
SET survivor.studentNumber =
      CASE WHEN m.movedStudentNumber AND survivor.studentNumber = m.aliasStudentNumber
           THEN null ELSE survivor.studentNumber END,
    survivor.stateId =
      CASE WHEN m.movedStateId AND survivor.stateId = m.aliasStateId
           THEN null ELSE survivor.stateId END,
    survivor.staffEmployeeId =
      CASE WHEN m.movedStaffEmployeeId AND survivor.staffEmployeeId = m.aliasStaffEmployeeId
           THEN null ELSE survivor.staffEmployeeId END
WITH m, alias
REMOVE alias:Merged, alias.mergedIntoId, alias.mergeId
SET alias.studentNumber = m.aliasStudentNumber, alias.stateId = m.aliasStateId,
    alias.staffEmployeeId = m.aliasStaffEmployeeId,
    alias.updatedAt = $now, alias.updatedBy = $actor,
    m.undoneAt = $now, m.undoneBy = $actor, m.updatedAt = $now, m.updatedBy = $actor,
    m.version = m.version + 1
RETURN m {.*} AS merge
