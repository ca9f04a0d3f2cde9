// An enrolment: `this` is the school, `link` the ENROLLED_AT edge.
// @field id
link.id
// @field grade
link.grade
// @field startDate
toString(link.startDate)
// @field endDate
toString(link.endDate)
// @field school
@same
