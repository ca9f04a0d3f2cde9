// Every location of a household, for the rules that look at overlaps.
MATCH (h:Household {id: $householdId})-[l:LOCATED_AT]->(a:Address)
RETURN l {.*, addressId: a.id, addressKey: a.normalizedKey} AS location
