// Tests only: what an import of legacy census data can leave behind and the use cases refuse
// to write: a relationship without a type and/or without a start date.
MATCH ()-[r:RELATED_TO {id: $relationshipId}]->()
SET r.type = CASE WHEN $dropType THEN null ELSE r.type END,
    r.startDate = CASE WHEN $dropStart THEN null ELSE r.startDate END
RETURN r.id AS id
