MATCH (a:Person {id: $fromPersonId}), (b:Person {id: $toPersonId})
CREATE (a)-[r:RELATED_TO {
  id: $id, type: $type, guardian: $guardian, mailing: $mailing, portal: $portal,
  messenger: $messenger, emergencyPriority: $emergencyPriority, livesWith: $livesWith,
  contactRestrictions: $contactRestrictions, private: $private, comments: $comments,
  startDate: $startDate, endDate: $endDate,
  createdAt: $now, createdBy: $actor, updatedAt: $now, updatedBy: $actor, version: 1
}]->(b)
RETURN r {.*, fromPersonId: a.id, toPersonId: b.id} AS relationship
