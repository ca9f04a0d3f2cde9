// Identifiers that must name one person when present (absent values are not compared).
CREATE CONSTRAINT person_student_number_unique IF NOT EXISTS
FOR (p:Person) REQUIRE p.studentNumber IS UNIQUE;
CREATE CONSTRAINT person_state_id_unique IF NOT EXISTS
FOR (p:Person) REQUIRE p.stateId IS UNIQUE;
// One Address node per place and one Phone node per number: shared nodes are how
// "who else lived here" and "which households share a phone" are answered.
CREATE CONSTRAINT address_normalized_key_unique IF NOT EXISTS
FOR (a:Address) REQUIRE a.normalizedKey IS UNIQUE;
CREATE CONSTRAINT phone_number_unique IF NOT EXISTS
FOR (p:Phone) REQUIRE p.number IS UNIQUE;
// Name-prefix searches (STARTS WITH on range indexes), duplicate checks and birth dates.
CREATE INDEX person_last_name_key IF NOT EXISTS FOR (p:Person) ON (p.lastNameKey, p.firstNameKey);
CREATE INDEX person_first_name_key IF NOT EXISTS FOR (p:Person) ON (p.firstNameKey);
CREATE INDEX person_birth_date IF NOT EXISTS FOR (p:Person) ON (p.birthDate);
CREATE INDEX household_name_key IF NOT EXISTS FOR (h:Household) ON (h.nameKey);
CREATE INDEX address_street_key IF NOT EXISTS FOR (a:Address) ON (a.streetKey);
// Edges are addressed by their own id when a use case updates or ends one.
CREATE INDEX related_to_id IF NOT EXISTS FOR ()-[r:RELATED_TO]-() ON (r.id);
CREATE INDEX member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.id);
CREATE INDEX located_at_id IF NOT EXISTS FOR ()-[r:LOCATED_AT]-() ON (r.id);
CREATE INDEX has_phone_id IF NOT EXISTS FOR ()-[r:HAS_PHONE]-() ON (r.id);
CREATE INDEX enrolled_at_id IF NOT EXISTS FOR ()-[r:ENROLLED_AT]-() ON (r.id);
