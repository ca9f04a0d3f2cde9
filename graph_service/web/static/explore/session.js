// Who is exploring: a token picked from the demo staff (development only, offered by the
// service) or pasted, and what `myAccess` says that person may do.
import { graphql, MY_ACCESS } from "./api.js";
import { el, replace, show } from "./dom.js";

const STORAGE_KEY = "graph-service.explorer.token";

export async function loadDemoStaff() {
  try {
    const response = await fetch("/explore/demo-staff", { headers: { accept: "application/json" } });
    if (!response.ok) return [];
    return (await response.json()).staff || [];
  } catch {
    return [];
  }
}

export function rememberedToken() {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function remember(token) {
  if (token) sessionStorage.setItem(STORAGE_KEY, token);
  else sessionStorage.removeItem(STORAGE_KEY);
}

export async function fetchAccess(token) {
  return (await graphql(token, MY_ACCESS)).myAccess;
}

/** The panel for someone who may not read household data: their status and what to do. */
export function renderNoAccess(container, access) {
  const support = access.support || {};
  const facts = [
    ["Status", access.status],
    ["Track", access.track],
    ["Location", access.location],
    ["Valid through", access.validThrough],
    ["Lost on", access.lostOn],
    ["Why", access.lostReason],
    ["Active by", access.activeBy],
  ].filter(([, value]) => value);
  replace(
    container,
    el("h2", {}, "No household access for " + access.name + " (" + access.employeeId + ")"),
    el(
      "p",
      {},
      "The explorer shows household data only while your certified household access is active. Yours is ",
      el("strong", { id: "access-status" }, access.status),
      ".",
    ),
    el("dl", { className: "facts" }, facts.flatMap(([name, value]) => [el("dt", {}, name), el("dd", {}, value)])),
    el("h3", {}, "What to do next"),
    el(
      "ol",
      { id: "next-steps" },
      (access.nextSteps.length ? access.nextSteps : ["Nothing is needed from you."]).map((step) => el("li", {}, step)),
    ),
    el(
      "p",
      {},
      "Questions: ",
      support.name || "",
      support.email ? " · " + support.email : "",
      support.phone ? " · " + support.phone : "",
    ),
  );
  show(container, true);
}

export function renderRefused(container, error) {
  replace(
    container,
    el("h2", {}, "This token was not accepted"),
    el("p", { id: "access-status" }, error.code + ": " + error.message),
    el("p", {}, "Sign in again, or pick another staff member (development)."),
  );
  show(container, true);
}
