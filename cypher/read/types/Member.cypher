// A household's member: `this` is the person, `link` their MEMBER_OF edge.
// @field secondary
coalesce(link.secondary, false)
// @field private
coalesce(link.private, false)
// @field startDate
toString(link.startDate)
// @field endDate
toString(link.endDate)
// @field person
// In scope because the household is.
@same
