// One Phone node per E.164 number; the latest type and SMS flag win.
MERGE (p:Phone {number: $number})
ON CREATE SET
  p.id = $id, p.type = $type, p.smsCapable = $smsCapable,
  p.createdAt = $now, p.createdBy = $actor, p.updatedAt = $now, p.updatedBy = $actor,
  p.version = 1
ON MATCH SET
  p.version = p.version + CASE WHEN p.type = $type AND p.smsCapable = $smsCapable THEN 0 ELSE 1 END,
  p.updatedAt = CASE WHEN p.type = $type AND p.smsCapable = $smsCapable THEN p.updatedAt ELSE $now END,
  p.updatedBy = CASE WHEN p.type = $type AND p.smsCapable = $smsCapable THEN p.updatedBy ELSE $actor END,
  p.type = $type, p.smsCapable = $smsCapable
RETURN p {.*} AS phone
