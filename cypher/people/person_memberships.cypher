// Every membership of a person, for the one-primary-household rule.
MATCH (p:Person {id: $personId})-[m:MEMBER_OF]->(h:Household)
RETURN m {.*, householdId: h.id} AS membership
