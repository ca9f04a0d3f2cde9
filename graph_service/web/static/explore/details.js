// The selected record's details: who a person's guardians and emergency contacts are and
// where they live, or a household's members, addresses and phones.
import * as api from "./api.js";
import { address, el, personName, replace } from "./dom.js";

const byId = (id) => document.getElementById(id);
let app; // what main.js shares: state, graph, asOf, openRecord, setConnection

export function initDetails(context) {
  app = context;
}

function openButton(kind, id, label) {
  return el("button", { type: "button", className: "link", onclick: () => app.openRecord(kind, id) }, label);
}

function relationshipItem(rel) {
  const who = rel.otherFirstName + " " + rel.otherLastName;
  const extras = [
    rel.guardian && "guardian",
    rel.emergencyPriority && "emergency #" + rel.emergencyPriority,
    rel.livesWith && "lives with",
    rel.householdRelationship ? "same household" : "other household",
    rel.contactRestrictions && "restrictions: " + rel.contactRestrictions,
    rel.endDate && "ended " + rel.endDate,
  ].filter(Boolean);
  return el("li", {}, rel.person ? openButton("PERSON", rel.person.id, who) : who, " — ", rel.label, el("span", { className: "muted" }, " (" + extras.join(", ") + ")"));
}

function section(title, items, empty) {
  return [el("h3", {}, title), items.length ? el("ul", {}, items) : el("p", { className: "muted" }, empty)];
}

export async function showDetails(node) {
  const panel = byId("details");
  if (node.kind === "PERSON") {
    const person = (await api.graphql(app.state.token, api.PERSON, { id: node.id, asOf: app.asOf() })).person;
    if (!person) return replace(panel, el("p", {}, node.label + " is outside your scope on this date."));
    const contacts = [...person.emergencyContacts].sort((a, b) => (a.emergencyPriority ?? 99) - (b.emergencyPriority ?? 99));
    app.graph.markEmergency(contacts.filter((c) => c.emergencyPriority).map((c) => ({ edgeId: api.rawId(c.id), priority: c.emergencyPriority })));
    replace(
      panel,
      el("h2", { id: "details-title" }, personName(person)),
      el("p", { className: "muted" }, [person.birthDate && "born " + person.birthDate, person.studentNumber && "student " + person.studentNumber].filter(Boolean).join(" · ")),
      el(
        "p",
        {},
        el("button", { type: "button", onclick: () => app.setConnection("from", person) }, "Connect from here"),
        " ",
        el("button", { type: "button", onclick: () => app.setConnection("to", person) }, "Connect to here"),
      ),
      section("Guardians", person.guardians.map(relationshipItem), "No guardian recorded."),
      section("Emergency contacts (in calling order)", contacts.map(relationshipItem), "None."),
      section(
        "Households",
        person.memberships.filter((m) => m.household).map((m) => {
          const home = m.household.addresses.find((a) => a.physical) || m.household.addresses[0];
          return el("li", {}, openButton("HOUSEHOLD", m.household.id, m.household.name), m.secondary ? " (second home)" : "", home ? " — " + address(home.address) : "");
        }),
        "None in your scope.",
      ),
      section("Other relationships", [...person.householdRelationships, ...person.nonHouseholdRelationships].filter((r) => !r.guardian).map(relationshipItem), "None."),
      section("Phones", person.phones.map((p) => el("li", {}, p.phone.number + " (" + p.phone.type.toLowerCase() + ")")), "None."),
      section("Enrolments", person.enrollments.map((e) => el("li", {}, e.school.name + ", " + e.grade + " since " + e.startDate)), "None."),
    );
  } else if (node.kind === "HOUSEHOLD") {
    const household = (await api.graphql(app.state.token, api.HOUSEHOLD, { id: node.id, asOf: app.asOf() })).household;
    if (!household) return replace(panel, el("p", {}, node.label + " is outside your scope on this date."));
    replace(
      panel,
      el("h2", { id: "details-title" }, household.name),
      household.comments ? el("p", {}, household.comments) : null,
      section("Members", household.members.filter((m) => m.person).map((m) => el("li", {}, openButton("PERSON", m.person.id, personName(m.person)), m.secondary ? " (second home)" : "")), "No member in your scope."),
      section("Addresses", household.addresses.map((a) => el("li", {}, address(a.address), " ", el("span", { className: "muted" }, [a.physical && "physical", a.mailing && "mailing", a.secondary && "secondary", a.endDate && "ended " + a.endDate].filter(Boolean).join(", ")))), "None."),
      section("Phones", household.phones.map((p) => el("li", {}, p.phone.number + " (" + p.phone.type.toLowerCase() + ")")), "None."),
    );
  } else {
    replace(panel, el("h2", { id: "details-title" }, node.label), el("p", { className: "muted" }, node.kind.toLowerCase()));
  }
}

export function clearDetails() {
  replace(byId("details"), el("p", { className: "muted" }, "Click a record to see its details and draw its links."));
}
