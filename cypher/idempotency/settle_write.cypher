// Last in the write's transaction: what the write produced (the id its answer is built from).
MATCH (write:IdempotentWrite {key: $key})
SET write.outcomeId = $outcomeId
