// The relationship explorer: search, open a record, draw its network, and the steward lists.
import * as api from "./api.js";
import { address, el, personName, replace, show } from "./dom.js";
import { GraphView } from "./graph.js";
import { initDetails, showDetails } from "./details.js";
import { householdNetwork, personNetwork } from "./records.js";
import * as session from "./session.js";
import * as steward from "./steward.js";

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

// Sign-ins may overlap (a remembered token still loading when another is submitted); only
// the latest one may change the page, or a slow earlier answer would undo a later refusal.
let latestSignIn = 0;

async function signIn(token) {
  const attempt = ++latestSignIn;
  message("");
  state.token = token;
  session.remember(token);
  show($("workspace"), false);
  show($("access-message"), false);
  try {
    const access = await session.fetchAccess(token);
    if (attempt !== latestSignIn) return;
    state.access = access;
  } catch (error) {
    if (attempt !== latestSignIn) return;
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
  await steward.loadStewardViews();
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

// --- wiring ------------------------------------------------------------------------------

const app = {
  state,
  graph,
  asOf,
  failed,
  busy,
  updateStatus,
  fetchNetwork,
  openRecord,
  showDetails,
  setConnection: steward.setConnection,
};
initDetails(app);
steward.initSteward(app);

$("search-form").addEventListener("submit", search);
$("depth").addEventListener("change", drawCenter);
$("show-contacts").addEventListener("change", drawCenter);
$("as-of").addEventListener("change", () => {
  updateStatus();
  drawCenter();
});
$("find-connection").addEventListener("click", steward.findConnection);
$("list-addresses").addEventListener("click", () => steward.listSharing("ADDRESS"));
$("list-phones").addEventListener("click", () => steward.listSharing("PHONE"));
$("list-duplicates").addEventListener("click", steward.listDuplicates);
$("list-findings").addEventListener("click", steward.listFindings);
$("sign-out").addEventListener("click", () => {
  session.remember(null);
  location.reload();
});
window.addEventListener("error", (event) => message("The explorer failed: " + event.message));
window.addEventListener("unhandledrejection", (event) => failed(event.reason));

setUpSignIn().finally(() => (document.body.dataset.ready = "true"));
