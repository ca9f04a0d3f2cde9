// A phone number: `this` is the phone node.
// @field id
this.id
// @field number
this.number
// @field type
this.type
// @field smsCapable
coalesce(this.smsCapable, false)
