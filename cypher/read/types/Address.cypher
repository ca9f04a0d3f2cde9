// A postal address: `this` is the address node.
// @field id
this.id
// @field number
this.number
// @field street
this.street
// @field tag
this.tag
// @field apartment
this.apartment
// @field poBox
this.poBox
// @field city
this.city
// @field state
this.state
// @field zip
this.zip
