// Every node has a stable UUID `id`; these constraints also give the id lookups their index.
CREATE CONSTRAINT person_id_unique IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT household_id_unique IF NOT EXISTS FOR (n:Household) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT address_id_unique IF NOT EXISTS FOR (n:Address) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT phone_id_unique IF NOT EXISTS FOR (n:Phone) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT school_id_unique IF NOT EXISTS FOR (n:School) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT central_office_team_id_unique IF NOT EXISTS
FOR (n:CentralOfficeTeam) REQUIRE n.id IS UNIQUE;
