// A phone as one owner has it: `this` is the phone, `link` the HAS_PHONE edge.
// @field priority
link.priority
// @field private
coalesce(link.private, false)
// @field startDate
toString(link.startDate)
// @field endDate
toString(link.endDate)
// @field phone
@same
