CREATE (:TestMarker {createdAt: datetime()})
