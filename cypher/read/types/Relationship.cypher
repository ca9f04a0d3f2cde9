// A relationship seen from one person's side: `owner` is that person, `this` the other
// person, `link` the pair's one RELATED_TO edge. The other person is withheld (null)
// outside the caller's scope; their names are shown as the Household tool shows them.
// @field id
link.id
// @field label
// Incoming edge: the other person is my `type`. Outgoing: I am theirs, so they are my
// reciprocal ($reciprocals, the type catalogue; a type no longer catalogued keeps its text).
CASE
  WHEN startNode(link) = owner THEN coalesce($reciprocals[link.type], link.type)
  ELSE link.type
END
// @field type
link.type
// @field householdRelationship
EXISTS {
  WITH owner AS sharerA, this AS sharerB
  // @include fragments/sharers_share_a_household
}
// @field guardian
coalesce(link.guardian, false)
// @field mailing
coalesce(link.mailing, false)
// @field portal
coalesce(link.portal, false)
// @field messenger
coalesce(link.messenger, false)
// @field emergencyPriority
link.emergencyPriority
// @field livesWith
coalesce(link.livesWith, false)
// @field contactRestrictions
link.contactRestrictions
// @field private
coalesce(link.private, false)
// @field comments
link.comments
// @field startDate
toString(link.startDate)
// @field endDate
toString(link.endDate)
// @field version
link.version
// @field otherFirstName
this.firstName
// @field otherLastName
this.lastName
// @field person
// A subquery rather than a CASE, as in Membership.household.
coalesce(
  head(COLLECT {
    WITH this, scopeSchoolIds
    WHERE
      // @include fragments/this_person_in_scope
    RETURN @same
  }),
  {__withheld: 'Person', id: this.id}
)
