// Household `h`'s listings made to match the graph: one LISTED_AT edge to every school a
// school's grant could ever cover it from (a member who was, is or will be enrolled there,
// or the school it was created at), keyed by that school's id, the household's name key and
// its id (so the key's order is the household searches' (nameKey, id) order: the separator
// sorts below every character a name key holds). This is the per-school name index a clerk's
// search reads instead of the district's: a superset of what the grant covers on any day,
// each candidate still tested by the scope rule. Every statement that adds a member, an
// enrolment or a creation school, moves them, or renames a household includes this fragment.
CALL (h) {
  WITH h, COLLECT {
    MATCH (h)<-[:MEMBER_OF]-(:Person)-[:ENROLLED_AT]->(school:School)
    RETURN school
    UNION
    MATCH (h)-[:CREATED_AT]->(school:School)
    RETURN school
  } AS schools
  CALL (h, schools) {
    MATCH (h)-[stale:LISTED_AT]->(listedAt:School)
    WHERE NOT listedAt IN schools
    DELETE stale
  }
  CALL (h, schools) {
    UNWIND schools AS school
    MERGE (h)-[listing:LISTED_AT]->(school)
    SET listing.key = school.id + '\u001F' + h.nameKey + '\u001F' + h.id
  }
}
