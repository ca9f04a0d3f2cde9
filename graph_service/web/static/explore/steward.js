// The steward's tools: the shortest connection between two people, and the lists (shared
// addresses and phones, duplicate candidates, census findings) that open in the graph.
import * as api from "./api.js";
import { clearDetails } from "./details.js";
import { el, personName, replace, show } from "./dom.js";

const byId = (id) => document.getElementById(id);
let app; // what main.js shares: state, graph, asOf, failed, busy, updateStatus, ...

export function initSteward(context) {
  app = context;
}

// --- connection ------------------------------------------------------------------------

export function setConnection(end, person) {
  app.state.connection[end] = { id: person.id, label: personName(person) };
  byId("connection-" + end).textContent = app.state.connection[end].label;
  byId("find-connection").disabled = !(app.state.connection.from && app.state.connection.to);
}

export async function findConnection() {
  const { from, to } = app.state.connection;
  const out = byId("connection-result");
  try {
    const found = (await api.graphql(app.state.token, api.CONNECTION, { from: from.id, to: to.id, asOf: app.asOf() })).connection;
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
    app.failed(error);
  }
}

function drawPath(path) {
  clearDetails();
  app.graph.clear();
  app.state.expanded = new Set();
  app.state.truncated = false;
  const nodes = new Map();
  path.forEach((step) => [step.source, step.target].forEach((ref) => nodes.set(ref.id, { id: ref.id, kind: ref.kind, label: ref.label, depth: 0 })));
  const edges = path.map((step, index) => ({ id: "path:" + index, source: step.source.id, target: step.target.id, label: step.description, classes: "path" }));
  app.graph.addElements([...nodes.values()], edges);
  app.graph.layout(null);
  app.updateStatus();
}

// --- steward lists ----------------------------------------------------------------------

export async function loadStewardViews() {
  try {
    const report = (await api.graphql(app.state.token, api.CENSUS_REPORT, { asOf: app.asOf() })).censusReport;
    app.state.districtWide = true;
    replace(byId("census-rule"), report.map((r) => el("option", { value: r.rule }, r.rule.toLowerCase().replaceAll("_", " ") + " (" + r.count + ")")));
    show(byId("steward-lists"), true);
    show(byId("steward-note"), false);
  } catch (error) {
    if (error.code !== "FORBIDDEN") return app.failed(error);
    app.state.districtWide = false;
    show(byId("steward-lists"), false);
    byId("steward-note").textContent =
      "The relationship network and the steward lists need a district-wide grant (" + error.message + "). You can search and open the households in your scope.";
    show(byId("steward-note"), true);
  }
}

function listLoading() {
  replace(byId("list-results"), el("p", { className: "muted" }, "Loading…"));
}

function listItem(label, detail, onOpen) {
  return el("li", {}, el("button", { type: "button", className: "result", onclick: onOpen }, el("strong", {}, label), detail ? el("span", { className: "muted" }, detail) : null));
}

export async function listSharing(by) {
  try {
    listLoading();
    const data = await api.graphql(app.state.token, api.SHARING, { by, ever: byId("sharing-ever").checked, asOf: app.asOf() });
    const items = data.householdsSharing.items;
    replace(
      byId("list-results"),
      el("p", {}, (by === "ADDRESS" ? "Addresses" : "Phones") + " shared by several households: " + items.length),
      items.map((item) => listItem(item.label, item.households.map((h) => h.label).join(", "), () => drawShared(item))),
    );
  } catch (error) {
    app.failed(error);
  }
}

function drawShared(item) {
  clearDetails();
  app.graph.clear();
  app.state.expanded = new Set();
  app.state.truncated = false;
  const hub = { id: "shared:" + item.label, kind: item.sharedBy, label: item.label, depth: 0, classes: item.sharedBy.toLowerCase() };
  const households = item.households.map((h) => ({ id: h.id, kind: h.kind, label: h.label, depth: 1 }));
  const edges = households.map((h) => ({ id: "shares:" + h.id, source: h.id, target: hub.id, label: "", classes: "shares" }));
  app.graph.addElements([hub, ...households], edges);
  app.graph.layout(hub.id);
  app.updateStatus();
}

export async function listDuplicates() {
  try {
    listLoading();
    const data = await api.graphql(app.state.token, api.DUPLICATES, { asOf: app.asOf() });
    const items = data.duplicateCandidates.items;
    replace(
      byId("list-results"),
      el("p", {}, "Possible duplicate pairs: " + items.length),
      items.map((pair) =>
        listItem(pair.first.label + " / " + pair.second.label, pair.evidence.map((e) => e.toLowerCase().replaceAll("_", " ")).join(", "), () => drawPair(pair)),
      ),
    );
  } catch (error) {
    app.failed(error);
  }
}

async function drawPair(pair) {
  app.busy(true);
  try {
    app.state.center = { kind: "PERSON", id: pair.first.id };
    app.graph.clear();
    app.state.truncated = false;
    app.state.expanded = new Set([pair.first.id, pair.second.id]);
    for (const ref of [pair.first, pair.second]) {
      const network = await app.fetchNetwork("PERSON", ref.id, 1);
      if (network) {
        app.graph.addNetwork(network, { centerId: ref.id });
        app.state.truncated = app.state.truncated || network.truncated;
      }
    }
    app.graph.addElements([], [{ id: "duplicate:" + pair.first.id + pair.second.id, source: pair.first.id, target: pair.second.id, label: "possible duplicate", classes: "possible-duplicate" }]);
    app.graph.layout(null);
    app.updateStatus();
    await app.showDetails({ id: pair.first.id, kind: "PERSON" });
  } catch (error) {
    app.failed(error);
  } finally {
    app.busy(false);
  }
}

export async function listFindings() {
  try {
    listLoading();
    const rule = byId("census-rule").value;
    const data = await api.graphql(app.state.token, api.FINDINGS, { rule, asOf: app.asOf() });
    const items = data.censusFindings.items;
    replace(
      byId("list-results"),
      el("p", {}, "Findings: " + items.length),
      items.map((f) => listItem(f.subject.label, f.detail, () => (["PERSON", "HOUSEHOLD"].includes(f.subject.kind) ? app.openRecord(f.subject.kind, f.subject.id) : null))),
    );
  } catch (error) {
    app.failed(error);
  }
}
