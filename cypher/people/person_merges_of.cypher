// Every merge a person took part in, as survivor or as merged record, newest first.
CALL () {
  MATCH (m:PersonMerge {survivorId: $personId}) RETURN m
  UNION
  MATCH (m:PersonMerge {mergedId: $personId}) RETURN m
}
RETURN m {.*} AS merge
ORDER BY m.createdAt DESC, m.id
