// Reuse the Address whose normalized key matches; the first spelling seen is kept.
MERGE (a:Address {normalizedKey: $normalizedKey})
ON CREATE SET
  a.id = $id, a.number = $number, a.street = $street, a.tag = $tag,
  a.apartment = $apartment, a.poBox = $poBox, a.city = $city, a.state = $state, a.zip = $zip,
  a.streetKey = $streetKey,
  a.createdAt = $now, a.createdBy = $actor, a.updatedAt = $now, a.updatedBy = $actor,
  a.version = 1
RETURN a {.*} AS address
