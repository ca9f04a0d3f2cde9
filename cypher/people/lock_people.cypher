// Which of $personIds exist, and whether each was merged into another record.
UNWIND $personIds AS personId
MATCH (p:Person {id: personId})
RETURN p.id AS id, p.mergedIntoId AS mergedIntoId, p.birthDate AS birthDate
