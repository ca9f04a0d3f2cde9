// Tests: another record takes a demo person's student number (its id changes), as data
// written by something else would hold it.
MATCH (p:Person {studentNumber: $studentNumber})
SET p.id = $id
