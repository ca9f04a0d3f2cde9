// The fields of a compiled Person read: `this` is the person node. Relationship lists hold
// the edges current on $asOf in the Household tool's order (emergency priority, then the
// other person's name); the household / non-household split is derived on $asOf.
// @let relationships
// The person's relationships on $asOf, each as [edge, other person], read once for every
// relationship list selected below (each list used to scan the edges again).
COLLECT {
  MATCH (this)-[childLink_:RELATED_TO]-(child_:Person)
  WHERE
    // @include fragments/relationship_current_on_as_of
  RETURN [childLink_, child_]
}
// @let sharers
// Everyone who shares a household with the person on $asOf (the person too), read once: a
// relationship is a household relationship exactly when the other person is among them.
COLLECT {
  WITH this AS sharerA
  // @include fragments/sharers_share_a_household
  RETURN DISTINCT sharerB
}
// @field id
this.id
// @field firstName
this.firstName
// @field middleName
this.middleName
// @field lastName
this.lastName
// @field suffix
this.suffix
// @field preferredName
this.preferredName
// @field birthDate
toString(this.birthDate)
// @field gender
coalesce(this.gender, 'U')
// @field studentNumber
this.studentNumber
// @field stateId
this.stateId
// @field version
this.version
// @field createdAt
toString(this.createdAt)
// @field updatedAt
toString(this.updatedAt)
// @field asOf
toString($asOf)
// @field memberships
COLLECT {
  MATCH (this)-[childLink_:MEMBER_OF]->(child_:Household)
  WHERE childLink_.startDate <= $asOf
    AND (childLink_.endDate IS NULL OR childLink_.endDate >= $asOf)
  WITH child_, childLink_
  ORDER BY childLink_.secondary, child_.nameKey, child_.id
  RETURN @child
}
// @field householdRelationships
COLLECT {
  UNWIND &relationships AS pair_
  WITH pair_[0] AS childLink_, pair_[1] AS child_
  WHERE child_ IN &sharers
  WITH child_, childLink_
  ORDER BY coalesce(childLink_.emergencyPriority, 1000), child_.lastNameKey,
    child_.firstNameKey, child_.id
  RETURN @child
}
// @field nonHouseholdRelationships
COLLECT {
  UNWIND &relationships AS pair_
  WITH pair_[0] AS childLink_, pair_[1] AS child_
  WHERE NOT child_ IN &sharers
  WITH child_, childLink_
  ORDER BY coalesce(childLink_.emergencyPriority, 1000), child_.lastNameKey,
    child_.firstNameKey, child_.id
  RETURN @child
}
// @field guardians
// Incoming edges marked guardian: the other person is my guardian.
COLLECT {
  UNWIND &relationships AS pair_
  WITH pair_[0] AS childLink_, pair_[1] AS child_
  WHERE endNode(childLink_) = this AND childLink_.guardian
  WITH child_, childLink_
  ORDER BY coalesce(childLink_.emergencyPriority, 1000), child_.lastNameKey,
    child_.firstNameKey, child_.id
  RETURN @child
}
// @field emergencyContacts
// Incoming edges with an emergency priority, in the order to call them.
COLLECT {
  UNWIND &relationships AS pair_
  WITH pair_[0] AS childLink_, pair_[1] AS child_
  WHERE endNode(childLink_) = this AND childLink_.emergencyPriority IS NOT NULL
  WITH child_, childLink_
  ORDER BY childLink_.emergencyPriority, child_.lastNameKey, child_.firstNameKey, child_.id
  RETURN @child
}
// @field enrollments
COLLECT {
  MATCH (this)-[childLink_:ENROLLED_AT]->(child_:School)
  WHERE childLink_.startDate <= $asOf
    AND (childLink_.endDate IS NULL OR childLink_.endDate >= $asOf)
  WITH child_, childLink_
  ORDER BY childLink_.startDate, child_.id
  RETURN @child
}
// @field phones
COLLECT {
  MATCH (this)-[childLink_:HAS_PHONE]->(child_:Phone)
  WHERE childLink_.startDate <= $asOf
    AND (childLink_.endDate IS NULL OR childLink_.endDate >= $asOf)
  WITH child_, childLink_
  ORDER BY childLink_.priority, child_.id
  RETURN @child
}
