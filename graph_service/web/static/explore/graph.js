// The drawing: cytoscape.js (shipped in the package) with one style for each kind of record
// and link, so that a glance tells a household from a person and a household relationship
// from one across households.
import cytoscape from "/assets/vendor/cytoscape-3.35.0/cytoscape.esm.min.mjs";

const STYLE = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 11,
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "wrap",
      "text-max-width": 110,
      color: "#1f2933",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "text-background-padding": 1,
    },
  },
  { selector: "node.person", style: { shape: "ellipse", "background-color": "#4c78a8", width: 26, height: 26 } },
  { selector: "node.household", style: { shape: "round-rectangle", "background-color": "#f2a541", width: 38, height: 28 } },
  { selector: "node.address", style: { shape: "diamond", "background-color": "#7a7a7a", width: 24, height: 24 } },
  { selector: "node.phone", style: { shape: "triangle", "background-color": "#7a7a7a", width: 22, height: 22 } },
  { selector: "node.center", style: { "border-width": 4, "border-color": "#1f2933" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#d62728" } },
  {
    selector: "edge",
    style: {
      width: 2,
      "curve-style": "bezier",
      label: "data(label)",
      "font-size": 10,
      color: "#1f2933",
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": 1,
    },
  },
  { selector: "edge.member", style: { "line-color": "#b0b7bf", "line-style": "dotted", width: 2 } },
  { selector: "edge.member.secondary", style: { "line-style": "dashed" } },
  {
    selector: "edge.related",
    style: { "target-arrow-shape": "triangle", "arrow-scale": 0.8 },
  },
  { selector: "edge.related.household", style: { "line-color": "#2ca02c", "target-arrow-color": "#2ca02c" } },
  {
    selector: "edge.related.other",
    style: { "line-color": "#9467bd", "target-arrow-color": "#9467bd", "line-style": "dashed" },
  },
  { selector: "edge.guardian", style: { width: 5 } },
  { selector: "edge.emergency", style: { color: "#b00020", "font-weight": "bold" } },
  { selector: "edge.ended", style: { opacity: 0.45 } },
  { selector: "edge.shares", style: { "line-color": "#7a7a7a", width: 2 } },
  { selector: "edge.possible-duplicate", style: { "line-color": "#d62728", "line-style": "dashed", width: 3 } },
  { selector: "edge.path", style: { "line-color": "#d62728", "target-arrow-color": "#d62728", width: 4 } },
];

/** The label a network edge shows: its relationship, marked when it makes a guardian. */
function edgeLabel(edge) {
  if (edge.kind === "MEMBER_OF") return edge.secondary ? "2nd home" : "";
  const label = edge.label || "(no type)";
  return edge.guardian ? "guardian · " + label : label;
}

function edgeClasses(edge) {
  if (edge.kind === "MEMBER_OF") return edge.secondary ? "member secondary" : "member";
  const classes = ["related", edge.householdRelationship ? "household" : "other"];
  if (edge.guardian) classes.push("guardian");
  if (edge.endDate) classes.push("ended");
  return classes.join(" ");
}

export class GraphView {
  constructor(container, { onSelect }) {
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.2,
      maxZoom: 3,
    });
    this.cy.on("tap", "node", (event) => onSelect(event.target.data()));
  }

  clear() {
    this.cy.elements().remove();
  }

  /** Adds what is not drawn yet; returns how many nodes were new. */
  addNetwork(network, { centerId } = {}) {
    const fresh = [];
    for (const node of network.nodes) {
      if (this.cy.getElementById(node.id).nonempty()) continue;
      const classes = [node.kind.toLowerCase()];
      if (node.id === centerId) classes.push("center");
      fresh.push({
        group: "nodes",
        data: { id: node.id, kind: node.kind, label: node.label, depth: node.depth },
        classes: classes.join(" "),
      });
    }
    for (const edge of network.edges) {
      if (this.cy.getElementById(edge.id).nonempty()) continue;
      fresh.push({
        group: "edges",
        data: {
          id: edge.id,
          kind: edge.kind,
          source: edge.source,
          target: edge.target,
          label: edgeLabel(edge),
          baseLabel: edgeLabel(edge),
          guardian: edge.guardian,
        },
        classes: edgeClasses(edge),
      });
    }
    const added = this.cy.add(fresh);
    return added.nodes().length;
  }

  /** Nodes and edges given directly (paths, shared addresses, duplicate pairs). */
  addElements(nodes, edges) {
    const fresh = [];
    for (const node of nodes) {
      if (this.cy.getElementById(node.id).nonempty()) continue;
      fresh.push({ group: "nodes", data: { ...node }, classes: node.classes || node.kind.toLowerCase() });
    }
    for (const edge of edges) {
      if (this.cy.getElementById(edge.id).nonempty()) continue;
      fresh.push({ group: "edges", data: { ...edge, baseLabel: edge.label }, classes: edge.classes || "" });
    }
    this.cy.add(fresh);
  }

  /** Marks the relationships that are a person's emergency contacts with their priority. */
  markEmergency(contacts) {
    this.cy.edges(".emergency").forEach((edge) => {
      edge.removeClass("emergency");
      edge.data("label", edge.data("baseLabel"));
    });
    for (const contact of contacts) {
      const edge = this.cy.getElementById(contact.edgeId);
      if (edge.empty()) continue;
      edge.addClass("emergency");
      edge.data("label", "☎ " + contact.priority + " · " + edge.data("baseLabel"));
    }
  }

  select(id) {
    this.cy.elements().unselect();
    this.cy.getElementById(id).select();
  }

  layout(centerId) {
    const center = centerId ? this.cy.getElementById(centerId) : null;
    // Rings around the centre by distance; a force-directed layout when there is none.
    const options =
      center && center.nonempty()
        ? {
            name: "concentric",
            concentric: (node) => (node.id() === centerId ? 100 : 10 - (node.data("depth") || 0)),
            levelWidth: () => 1,
            minNodeSpacing: 60,
          }
        : { name: "cose", nodeRepulsion: () => 12000, idealEdgeLength: () => 90 };
    this.cy.layout({ ...options, animate: false, fit: true, padding: 30 }).run();
    // A few records would otherwise be blown up to fill the canvas.
    if (this.cy.zoom() > 1.4) {
      this.cy.zoom(1.4);
      this.cy.center();
    }
  }

  counts() {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }
}
