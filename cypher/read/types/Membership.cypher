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
CASE
  WHEN
    // @include fragments/this_household_in_scope
  THEN @same
  ELSE {__withheld: 'Household', id: this.id}
END
