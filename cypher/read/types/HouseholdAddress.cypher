// An address as one household has it: `this` is the address, `link` the LOCATED_AT edge.
// @field physical
coalesce(link.physical, false)
// @field mailing
coalesce(link.mailing, false)
// @field secondary
coalesce(link.secondary, false)
// @field private
coalesce(link.private, false)
// @field startDate
toString(link.startDate)
// @field endDate
toString(link.endDate)
// @field address
@same
