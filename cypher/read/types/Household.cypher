// The fields of a compiled Household read: `this` is the household node. Each `@field`
// section is the Cypher expression for one GraphQL field (see db/read_compiler.py for the
// conventions: `child_` binds a nested object, `@child` / `@same` stand for its projection).
// @field id
this.id
// @field name
this.name
// @field comments
this.comments
// @field private
coalesce(this.private, false)
// @field version
this.version
// @field createdAt
toString(this.createdAt)
// @field updatedAt
toString(this.updatedAt)
// @field asOf
toString($asOf)
// @field members
// Members on $asOf (end dates inclusive); a merged alias is represented by its survivor.
COLLECT {
  MATCH (child_:Person)-[childLink_:MEMBER_OF]->(this)
  WHERE childLink_.startDate <= $asOf
    AND (childLink_.endDate IS NULL OR childLink_.endDate >= $asOf)
    AND child_.mergedIntoId IS NULL
  WITH child_, childLink_
  ORDER BY childLink_.secondary, child_.lastNameKey, child_.firstNameKey, child_.id
  RETURN @child
}
// @field addresses
COLLECT {
  MATCH (this)-[childLink_:LOCATED_AT]->(child_:Address)
  WHERE childLink_.startDate <= $asOf
    AND (childLink_.endDate IS NULL OR childLink_.endDate >= $asOf)
  WITH child_, childLink_
  ORDER BY childLink_.secondary, childLink_.physical DESC, childLink_.startDate, child_.id
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
