// The relationship explorer: search, open a record, draw its network, and the steward lists.
import * as api from "./api.js";
import { address, el, personName, replace, show } from "./dom.js";
import { GraphView } from "./graph.js";
import { householdNetwork, personNetwork } from "./records.js";
import * as session from "./session.js";

const $ = (id) => document.getElementById(id);

const state = {
  token: null,
  access: null,
  districtWide: false,
  center: null, // {kind, id}
  expanded: new Set(),
  truncated: false,
  connection: { from: null, to: null },
};

const graph = new GraphView($("graph"), { onSelect: (node) => selectNode(node) });

function asOf() {
  return $("as-of").value || null;
}

function message(text, kind = "error") {
  const box = $("message");
  box.className = "message " + kind;
  box.textContent = text;
  show(box, Boolean(text));
}

function failed(error) {
  message(error.code ? error.code + ": " + error.message : String(error));
}

function busy(on) {
  document.body.classList.toggle("busy", on);
  $("graph-status").dataset.busy = on ? "true" : "false";
}

function updateStatus() {
  const { nodes, edges } = graph.counts();
  const status = $("graph-status");
  status.dataset.nodes = String(nodes);
  status.dataset.edges = String(edges);
  status.dataset.truncated = String(state.truncated);
  status.dataset.asOf = asOf() || "";
  replace(
    status,
    el("span", { id: "count-text" }, nodes + " records · " + edges + " links"),
    asOf() ? el("span", {}, " · as of " + asOf()) : null,
    state.truncated
      ? el("span", { id: "truncated", className: "badge", title: "More were in reach than the view allows" }, "truncated")
      : null,
  );
}

// --- signing in ------------------------------------------------------------------------

async function signIn(token) {
  message("");
  state.token = token;
  session.remember(token);
  show($("workspace"), false);
  show($("access-message"), false);
  try {
    state.access = await session.fetchAccess(token);
  } catch (error) {
    session.remember(null);
    session.renderRefused($("access-message"), error);
    $("who").textContent = "Not signed in";
    return;
  }
  const access = state.access;
  $("who").textContent =
    access.name + " (" + access.employeeId + ") · " + access.status +
    (access.rights.length ? " · " + access.rights.join(", ") : "");
  if (access.status !== "active" || !access.rights.includes("Read")) {
    session.renderNoAccess($("access-message"), access);
    return;
  }
  $("scope").textContent = "You can see: " + (access.scope || "no households") + ".";
  show($("workspace"), true);
  graph.cy.resize();
  await loadStewardViews();
}

async function setUpSignIn() {
  const staff = await session.loadDemoStaff();
  if (staff.length) {
    const picker = $("staff-picker");
    replace(
      picker,
      el("option", { value: "" }, "Pick a demo staff member…"),
      staff.map((s) => el("option", { value: s.token, "data-employee": s.employeeId }, s.name + " — " + s.employeeId + " (" + s.state + ")")),
    );
    picker.addEventListener("change", () => picker.value && signIn(picker.value));
    show($("demo-sign-in"), true);
  }
  $("token-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const token = $("token").value.trim().replace(/^Bearer\s+/i, "");
    if (token) signIn(token);
  });
  const remembered = session.rememberedToken();
  if (remembered) await signIn(remembered);
  else show($("access-message"), false);
}

// --- search ------------------------------------------------------------------------------

const SEARCHES = {
  householdName: { root: "households", key: "namePrefix" },
  address: { root: "households", key: "addressPrefix" },
  phone: { root: "households", key: "phone" },
  memberLastName: { root: "households", key: "memberLastName" },
  lastName: { root: "people", key: "lastName" },
  studentNumber: { root: "people", key: "studentNumber" },
};

async function search(event) {
  event.preventDefault();
  message("");
  const how = SEARCHES[$("search-by").value];
  const text = $("search-text").value.trim();
  if (!text) return;
  const results = $("results");
  try {
    if (how.root === "households") {
      const data = await api.graphql(state.token, api.SEARCH_HOUSEHOLDS, { by: { [how.key]: text }, asOf: asOf() });
      const found = data.households.nodes;
      replace(
        results,
        found.length ? null : el("li", { className: "empty" }, "No household in your scope matches."),
        found.map((h) => {
          const home = h.addresses.find((a) => a.physical) || h.addresses[0];
          const members = h.members.filter((m) => m.person).map((m) => m.person.firstName).join(", ");
          return el(
            "li",
            {},
            el(
              "button",
              { type: "button", className: "result household", "data-id": h.id, "data-kind": "HOUSEHOLD", onclick: () => openRecord("HOUSEHOLD", h.id) },
              el("strong", {}, h.name),
              home ? el("span", {}, address(home.address)) : null,
              members ? el("span", { className: "muted" }, members) : null,
            ),
          );
        }),
      );
    } else {
      const data = await api.graphql(state.token, api.SEARCH_PEOPLE, { by: { [how.key]: text }, asOf: asOf() });
      const found = data.people.nodes;
      replace(
        results,
        found.length ? null : el("li", { className: "empty" }, "No person in your scope matches."),
        found.map((p) =>
          el(
            "li",
            {},
            el(
              "button",
              { type: "button", className: "result person", "data-id": p.id, "data-kind": "PERSON", onclick: () => openRecord("PERSON", p.id) },
              el("strong", {}, personName(p)),
              el("span", { className: "muted" }, [p.birthDate && "born " + p.birthDate, p.studentNumber && "student " + p.studentNumber].filter(Boolean).join(" · ")),
            ),
          ),
        ),
      );
    }
  } catch (error) {
    failed(error);
  }
}

// --- the network ---------------------------------------------------------------------

async function fetchNetwork(kind, id, depth) {
  if (state.districtWide) {
    const variables = { depth, asOf: asOf(), [kind === "PERSON" ? "personId" : "householdId"]: id };
    return (await api.graphql(state.token, api.NETWORK, variables)).relationshipNetwork;
  }
  // A school's grant: the records the caller may open, drawn one level at a time.
  if (kind === "PERSON") {
    const person = (await api.graphql(state.token, api.PERSON, { id, asOf: asOf() })).person;
    return person ? personNetwork(person) : null;
  }
  const household = (await api.graphql(state.token, api.HOUSEHOLD, { id, asOf: asOf() })).household;
  return household ? householdNetwork(household) : null;
}

async function openRecord(kind, id) {
  state.center = { kind, id };
  await drawCenter();
}

async function drawCenter() {
  if (!state.center) return;
  message("");
  busy(true);
  const { kind, id } = state.center;
  try {
    const network = await fetchNetwork(kind, id, Number($("depth").value));
    graph.clear();
    state.expanded = new Set([id]);
    state.truncated = false;
    if (!network) {
      message("That record is not in your scope (or does not exist on this date).", "info");
    } else {
      graph.addNetwork(network, { centerId: id });
      state.truncated = network.truncated;
      graph.layout(id);
      graph.select(id);
      await drawContacts();
    }
    updateStatus();
    if (network) await showDetails({ id, kind });
  } catch (error) {
    failed(error);
  } finally {
    busy(false);
  }
}

async function expand(node) {
  if (state.expanded.has(node.id) || !["PERSON", "HOUSEHOLD"].includes(node.kind)) return;
  state.expanded.add(node.id);
  const network = await fetchNetwork(node.kind, node.id, 1);
  if (!network) return;
  const base = node.depth || 0;
  network.nodes = network.nodes.map((n) => ({ ...n, depth: base + n.depth }));
  if (graph.addNetwork(network)) graph.layout(state.center && state.center.id);
  state.truncated = state.truncated || network.truncated;
  updateStatus();
  await drawContacts();
}

async function selectNode(node) {
  message("");
  try {
    await showDetails(node);
    await expand(node);
  } catch (error) {
    failed(error);
  }
}

// --- addresses and phones ---------------------------------------------------------------

// The network holds people and households; their addresses and phones come from each drawn
// household (one request each, at most this many), so shared ones show as shared nodes.
const CONTACT_HOUSEHOLDS = 40;

async function drawContacts() {
  if (!$("show-contacts").checked) return;
  const ids = graph.cy.nodes(".household").map((n) => n.id()).slice(0, CONTACT_HOUSEHOLDS);
  const found = await Promise.all(ids.map((id) => api.graphql(state.token, api.CONTACTS, { id, asOf: asOf() })));
  const nodes = [];
  const edges = [];
  for (const { household } of found) {
    if (!household) continue;
    const depth = (graph.cy.getElementById(household.id).data("depth") || 0) + 1;
    for (const link of household.addresses) {
      const a = link.address;
      nodes.push({ id: a.id, kind: "ADDRESS", label: address(a), depth, classes: "address" });
      edges.push({ id: "at:" + household.id + ":" + a.id, source: household.id, target: a.id, label: link.physical ? "" : "mailing", classes: "shares" });
    }
    for (const link of household.phones) {
      nodes.push({ id: link.phone.id, kind: "PHONE", label: link.phone.number, depth, classes: "phone" });
      edges.push({ id: "phone:" + household.id + ":" + link.phone.id, source: household.id, target: link.phone.id, label: "", classes: "shares" });
    }
  }
  graph.addElements(nodes, edges);
  graph.layout(state.center && state.center.id);
  updateStatus();
}

// --- details --------------------------------------------------------------------------

function openButton(kind, id, label) {
  return el("button", { type: "button", className: "link", onclick: () => openRecord(kind, id) }, label);
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

async function showDetails(node) {
  const panel = $("details");
  if (node.kind === "PERSON") {
    const person = (await api.graphql(state.token, api.PERSON, { id: node.id, asOf: asOf() })).person;
    if (!person) return replace(panel, el("p", {}, node.label + " is outside your scope on this date."));
    const contacts = [...person.emergencyContacts].sort((a, b) => (a.emergencyPriority ?? 99) - (b.emergencyPriority ?? 99));
    graph.markEmergency(contacts.filter((c) => c.emergencyPriority).map((c) => ({ edgeId: api.rawId(c.id), priority: c.emergencyPriority })));
    replace(
      panel,
      el("h2", { id: "details-title" }, personName(person)),
      el("p", { className: "muted" }, [person.birthDate && "born " + person.birthDate, person.studentNumber && "student " + person.studentNumber].filter(Boolean).join(" · ")),
      el(
        "p",
        {},
        el("button", { type: "button", onclick: () => setConnection("from", person) }, "Connect from here"),
        " ",
        el("button", { type: "button", onclick: () => setConnection("to", person) }, "Connect to here"),
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
    const household = (await api.graphql(state.token, api.HOUSEHOLD, { id: node.id, asOf: asOf() })).household;
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

// --- connection ------------------------------------------------------------------------

function setConnection(end, person) {
  state.connection[end] = { id: person.id, label: personName(person) };
  $("connection-" + end).textContent = state.connection[end].label;
  $("find-connection").disabled = !(state.connection.from && state.connection.to);
}

async function findConnection() {
  const { from, to } = state.connection;
  const out = $("connection-result");
  try {
    const found = (await api.graphql(state.token, api.CONNECTION, { from: from.id, to: to.id, asOf: asOf() })).connection;
    out.dataset.length = found.length === null ? "none" : String(found.length);
    out.dataset.paths = String(found.paths.length);
    if (found.length === null) return replace(out, el("p", {}, "No connection within 6 steps."));
    replace(
      out,
      el("p", {}, found.length + " step(s); " + found.paths.length + " shortest path(s)."),
      found.paths.map((path, index) =>
        el(
          "div",
          { className: "path" },
          el("ol", {}, path.map((step) => el("li", {}, step.source.label + " → " + step.target.label + ": " + step.description))),
          el("button", { type: "button", onclick: () => drawPath(path) }, "Show path " + (index + 1) + " in the graph"),
        ),
      ),
    );
    if (found.paths.length) drawPath(found.paths[0]);
  } catch (error) {
    failed(error);
  }
}

function clearDetails() {
  replace($("details"), el("p", { className: "muted" }, "Click a record to see its details and draw its links."));
}

function drawPath(path) {
  clearDetails();
  graph.clear();
  state.expanded = new Set();
  state.truncated = false;
  const nodes = new Map();
  path.forEach((step) => [step.source, step.target].forEach((ref) => nodes.set(ref.id, { id: ref.id, kind: ref.kind, label: ref.label, depth: 0 })));
  const edges = path.map((step, index) => ({ id: "path:" + index, source: step.source.id, target: step.target.id, label: step.description, classes: "path" }));
  graph.addElements([...nodes.values()], edges);
  graph.layout(null);
  updateStatus();
}

// --- steward lists ----------------------------------------------------------------------

async function loadStewardViews() {
  try {
    const report = (await api.graphql(state.token, api.CENSUS_REPORT, { asOf: asOf() })).censusReport;
    state.districtWide = true;
    replace($("census-rule"), report.map((r) => el("option", { value: r.rule }, r.rule.toLowerCase().replaceAll("_", " ") + " (" + r.count + ")")));
    show($("steward-lists"), true);
    show($("steward-note"), false);
  } catch (error) {
    if (error.code !== "FORBIDDEN") return failed(error);
    state.districtWide = false;
    show($("steward-lists"), false);
    $("steward-note").textContent =
      "The relationship network and the steward lists need a district-wide grant (" + error.message + "). You can search and open the households in your scope.";
    show($("steward-note"), true);
  }
}

function listLoading() {
  replace($("list-results"), el("p", { className: "muted" }, "Loading…"));
}

function listItem(label, detail, onOpen) {
  return el("li", {}, el("button", { type: "button", className: "result", onclick: onOpen }, el("strong", {}, label), detail ? el("span", { className: "muted" }, detail) : null));
}

async function listSharing(by) {
  try {
    listLoading();
    const data = await api.graphql(state.token, api.SHARING, { by, ever: $("sharing-ever").checked, asOf: asOf() });
    const items = data.householdsSharing.items;
    replace(
      $("list-results"),
      el("p", {}, (by === "ADDRESS" ? "Addresses" : "Phones") + " shared by several households: " + items.length),
      items.map((item) => listItem(item.label, item.households.map((h) => h.label).join(", "), () => drawShared(item))),
    );
  } catch (error) {
    failed(error);
  }
}

function drawShared(item) {
  clearDetails();
  graph.clear();
  state.expanded = new Set();
  state.truncated = false;
  const hub = { id: "shared:" + item.label, kind: item.sharedBy, label: item.label, depth: 0, classes: item.sharedBy.toLowerCase() };
  const households = item.households.map((h) => ({ id: h.id, kind: h.kind, label: h.label, depth: 1 }));
  const edges = households.map((h) => ({ id: "shares:" + h.id, source: h.id, target: hub.id, label: "", classes: "shares" }));
  graph.addElements([hub, ...households], edges);
  graph.layout(hub.id);
  updateStatus();
}

async function listDuplicates() {
  try {
    listLoading();
    const data = await api.graphql(state.token, api.DUPLICATES, { asOf: asOf() });
    const items = data.duplicateCandidates.items;
    replace(
      $("list-results"),
      el("p", {}, "Possible duplicate pairs: " + items.length),
      items.map((pair) =>
        listItem(pair.first.label + " / " + pair.second.label, pair.evidence.map((e) => e.toLowerCase().replaceAll("_", " ")).join(", "), () => drawPair(pair)),
      ),
    );
  } catch (error) {
    failed(error);
  }
}

async function drawPair(pair) {
  busy(true);
  try {
    state.center = { kind: "PERSON", id: pair.first.id };
    graph.clear();
    state.truncated = false;
    state.expanded = new Set([pair.first.id, pair.second.id]);
    for (const ref of [pair.first, pair.second]) {
      const network = await fetchNetwork("PERSON", ref.id, 1);
      if (network) {
        graph.addNetwork(network, { centerId: ref.id });
        state.truncated = state.truncated || network.truncated;
      }
    }
    graph.addElements([], [{ id: "duplicate:" + pair.first.id + pair.second.id, source: pair.first.id, target: pair.second.id, label: "possible duplicate", classes: "possible-duplicate" }]);
    graph.layout(null);
    updateStatus();
    await showDetails({ id: pair.first.id, kind: "PERSON" });
  } catch (error) {
    failed(error);
  } finally {
    busy(false);
  }
}

async function listFindings() {
  try {
    listLoading();
    const rule = $("census-rule").value;
    const data = await api.graphql(state.token, api.FINDINGS, { rule, asOf: asOf() });
    const items = data.censusFindings.items;
    replace(
      $("list-results"),
      el("p", {}, "Findings: " + items.length),
      items.map((f) => listItem(f.subject.label, f.detail, () => (["PERSON", "HOUSEHOLD"].includes(f.subject.kind) ? openRecord(f.subject.kind, f.subject.id) : null))),
    );
  } catch (error) {
    failed(error);
  }
}

// --- wiring ------------------------------------------------------------------------------

$("search-form").addEventListener("submit", search);
$("depth").addEventListener("change", drawCenter);
$("show-contacts").addEventListener("change", drawCenter);
$("as-of").addEventListener("change", () => {
  updateStatus();
  drawCenter();
});
$("find-connection").addEventListener("click", findConnection);
$("list-addresses").addEventListener("click", () => listSharing("ADDRESS"));
$("list-phones").addEventListener("click", () => listSharing("PHONE"));
$("list-duplicates").addEventListener("click", listDuplicates);
$("list-findings").addEventListener("click", listFindings);
$("sign-out").addEventListener("click", () => {
  session.remember(null);
  location.reload();
});
window.addEventListener("error", (event) => message("The explorer failed: " + event.message));
window.addEventListener("unhandledrejection", (event) => failed(event.reason));

setUpSignIn().finally(() => (document.body.dataset.ready = "true"));
