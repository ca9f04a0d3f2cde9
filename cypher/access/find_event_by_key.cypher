MATCH (e:AccessEvent {key: $key})
RETURN e.type AS type
