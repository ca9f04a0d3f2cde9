// Every property but identity and audit; the caller already bumped the version.
MATCH (:Person)-[r:RELATED_TO {id: $id}]->(:Person)
SET r.type = $type, r.guardian = $guardian, r.mailing = $mailing, r.portal = $portal,
    r.messenger = $messenger, r.emergencyPriority = $emergencyPriority,
    r.livesWith = $livesWith, r.contactRestrictions = $contactRestrictions,
    r.private = $private, r.comments = $comments, r.startDate = $startDate,
    r.endDate = $endDate
RETURN r {.*, fromPersonId: startNode(r).id, toPersonId: endNode(r).id} AS relationship
