// The newest active grant `g` of staff member `s` (null when there is none).
CALL (s) {
  OPTIONAL MATCH (s)-[:HOLDS]->(g:AccessGrant)
    WHERE g.status = 'active'
  WITH g
  ORDER BY g.activatedAt DESC
  LIMIT 1
  RETURN g
}
