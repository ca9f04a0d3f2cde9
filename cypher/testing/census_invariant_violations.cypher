// Counts of stored facts that break the rules the use cases enforce (all should be 0):
// overlapping edges of one pair, overlapping primary memberships of one person, and one
// person's emergency contacts sharing a priority while they overlap.
CALL () {
  MATCH (a:Person)-[r1:RELATED_TO]-(b:Person)-[r2:RELATED_TO]-(a)
  WHERE elementId(r1) < elementId(r2)
    AND r1.startDate <= coalesce(r2.endDate, date('9999-12-31'))
    AND r2.startDate <= coalesce(r1.endDate, date('9999-12-31'))
  RETURN count(*) AS overlappingPairs
}
CALL () {
  MATCH (h1:Household)<-[m1:MEMBER_OF {secondary: false}]-(p:Person)
        -[m2:MEMBER_OF {secondary: false}]->(h2:Household)
  WHERE elementId(m1) < elementId(m2)
    AND m1.startDate <= coalesce(m2.endDate, date('9999-12-31'))
    AND m2.startDate <= coalesce(m1.endDate, date('9999-12-31'))
  RETURN count(*) AS overlappingPrimaries
}
CALL () {
  MATCH (:Person)-[r1:RELATED_TO]->(p:Person)<-[r2:RELATED_TO]-(:Person)
  WHERE elementId(r1) < elementId(r2) AND r1.emergencyPriority = r2.emergencyPriority
    AND r1.startDate <= coalesce(r2.endDate, date('9999-12-31'))
    AND r2.startDate <= coalesce(r1.endDate, date('9999-12-31'))
  RETURN count(*) AS sharedPriorities
}
RETURN overlappingPairs, overlappingPrimaries, sharedPriorities
