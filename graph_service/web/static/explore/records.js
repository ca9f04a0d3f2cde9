// Drawing from the scoped record queries (household, person), for staff whose grant is a
// school's: the steward views need a district-wide grant, but a clerk can still see the
// relationships inside the households they may open.
import { rawId } from "./api.js";
import { personName } from "./dom.js";

function relationshipEdges(me, relationships, nodes, edges) {
  for (const rel of relationships) {
    if (!rel.person) continue; // the other person is outside the caller's scope
    const otherId = rel.person.id;
    if (!nodes.has(otherId)) {
      nodes.set(otherId, { id: otherId, kind: "PERSON", label: rel.otherFirstName + " " + rel.otherLastName, depth: 2 });
    }
    // The pair's one stored edge reads "source is target's type"; `label` is what the other
    // person is to me, so the stored direction is theirs to me exactly when the two agree.
    const id = rawId(rel.id);
    if (edges.has(id)) continue;
    const theirs = rel.label === rel.type;
    edges.set(id, {
      id,
      kind: "RELATED_TO",
      source: theirs ? otherId : me,
      target: theirs ? me : otherId,
      label: rel.type,
      guardian: rel.guardian,
      householdRelationship: rel.householdRelationship,
      endDate: rel.endDate,
    });
  }
}

/** A network-shaped drawing of one household: its members and their relationships. */
export function householdNetwork(household) {
  const nodes = new Map([[household.id, { id: household.id, kind: "HOUSEHOLD", label: household.name, depth: 0 }]]);
  const edges = new Map();
  for (const member of household.members) {
    const person = member.person;
    if (!person) continue;
    nodes.set(person.id, { id: person.id, kind: "PERSON", label: personName(person), depth: 1 });
    edges.set("member:" + person.id + ":" + household.id, {
      id: "member:" + person.id + ":" + household.id,
      kind: "MEMBER_OF",
      source: person.id,
      target: household.id,
      secondary: member.secondary,
    });
  }
  for (const member of household.members) {
    if (!member.person) continue;
    relationshipEdges(member.person.id, member.person.householdRelationships, nodes, edges);
    relationshipEdges(member.person.id, member.person.nonHouseholdRelationships, nodes, edges);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false };
}

/** A network-shaped drawing of one person: their households and relationships. */
export function personNetwork(person) {
  const nodes = new Map([[person.id, { id: person.id, kind: "PERSON", label: personName(person), depth: 0 }]]);
  const edges = new Map();
  for (const membership of person.memberships) {
    const household = membership.household;
    if (!household) continue;
    nodes.set(household.id, { id: household.id, kind: "HOUSEHOLD", label: household.name, depth: 1 });
    const id = "member:" + person.id + ":" + household.id;
    edges.set(id, { id, kind: "MEMBER_OF", source: person.id, target: household.id, secondary: membership.secondary });
  }
  relationshipEdges(person.id, person.householdRelationships, nodes, edges);
  relationshipEdges(person.id, person.nonHouseholdRelationships, nodes, edges);
  return { nodes: [...nodes.values()], edges: [...edges.values()], truncated: false };
}
