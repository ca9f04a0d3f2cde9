UNWIND $names AS name
CREATE (:MigrationProbe {name: name})
