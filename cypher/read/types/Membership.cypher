// One of a person's households: `this` is the household, `link` the MEMBER_OF edge. The
// household itself is withheld (null) outside the caller's scope.
// @field secondary
coalesce(link.secondary, false)
// @field private
coalesce(link.private, false)
// @field startDate
toString(link.startDate)
// @field endDate
toString(link.endDate)
// @field household
// A subquery rather than a CASE, so Neo4j plans what the household reads as operators (a
// subquery inside CASE is interpreted for every row).
coalesce(
  head(COLLECT {
    WITH this, scopeSchoolIds
    WHERE
      // @include fragments/this_household_in_scope
    RETURN @same
  }),
  {__withheld: 'Household', id: this.id}
)
