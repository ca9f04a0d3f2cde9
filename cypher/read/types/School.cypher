// A school: `this` is the school node.
// @field id
this.id
// @field name
this.name
