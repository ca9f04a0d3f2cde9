// Tests only: what an import of legacy census data can leave behind and the use cases refuse
// to write: a membership turned primary while the person's other primary one is current.
MATCH ()-[m:MEMBER_OF {id: $membershipId}]->()
SET m.secondary = false
RETURN m.id AS id
