// Write-lock the people a rule is about to check (memberships, relationship pairs, emergency
// priorities, enrolments), so two transactions can't both pass the check. $personIds comes
// sorted, so concurrent lockers take the locks in one order. No version is bumped.
UNWIND $personIds AS personId
MATCH (p:Person {id: personId})
SET p._lock = true
REMOVE p._lock
RETURN p.id AS id, p.mergedIntoId AS mergedIntoId, p.birthDate AS birthDate
