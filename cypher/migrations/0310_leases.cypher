// A lease names work that one process of any number may do at a time (the provisioning
// sweep). The constraint makes processes that MERGE the same lease at once meet on one node.
CREATE CONSTRAINT lease_name_unique IF NOT EXISTS
FOR (n:Lease) REQUIRE n.name IS UNIQUE;
