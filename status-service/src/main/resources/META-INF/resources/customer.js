import { api, badge, el, liveAge, onTimeline, showProblem, userText, when, whoAmI } from "./console.js";

const customerId = new URLSearchParams(location.search).get("id") || "";
const seen = new Set();

function entryKey(entry) {
  return `${entry.kind}|${entry.topic}|${entry.partition}|${entry.offset}|${entry.at}`;
}

function fact(term, ...value) {
  return [el("dt", {}, term), el("dd", {}, ...value)];
}

/** Only http(s) links are made clickable; anything else is shown as text. */
function safeLink(url) {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") {
      const link = el("a", { rel: "noopener noreferrer" });
      link.href = parsed.href;
      link.append(userText(url));
      return link;
    }
  } catch {
    // not a URL: shown as text below
  }
  return userText(url);
}

function renderFacts(customer) {
  const title = document.getElementById("title");
  title.replaceChildren("Customer ", userText(customer.customerId));
  document.title = `${customer.customerId} · Rainmaker console`;
  const state = customer.stuck ? [badge(customer.state, customer.state), " ", badge("stuck", "stuck")]
    : [badge(customer.state, customer.state)];
  const rows = [
    ...fact("State", ...state),
    ...fact("Stage", customer.stage || "—"),
    ...fact("Since", when(customer.since), " (", liveAge(customer.ageSeconds), " ago)"),
    ...fact("Email", userText(customer.email)),
    ...fact("Contact", userText(customer.contactName)),
    ...fact("Plan", userText(customer.plan)),
  ];
  if (customer.reason) rows.push(...fact("Reason", userText(customer.reason)));
  if (customer.failure) rows.push(...fact("Failure", badge(customer.failure, "failed"), customer.failedStage ? ` at stage ${customer.failedStage}` : ""));
  if (customer.droplet) {
    const d = customer.droplet;
    rows.push(...fact("Droplet", el("span", { className: "mono" },
      `${d.id ?? "?"} ${d.name ?? ""} at ${d.ip ?? "?"} (${d.region ?? "?"}, ${d.size ?? "?"}, ${d.image ?? "?"})`)));
    if (d.hostKeyFingerprint) rows.push(...fact("Host key", el("span", { className: "mono" }, d.hostKeyFingerprint)));
  }
  const components = Object.entries(customer.components || {});
  if (components.length) {
    rows.push(...fact("Components", components.map(([name, version]) => `${name} ${version}`).join(", ")));
  }
  if (customer.appUrl) rows.push(...fact("App", safeLink(customer.appUrl)));
  const deadLetters = (customer.timeline || []).some((entry) => entry.kind === "dead-letter");
  if (deadLetters) {
    const link = el("a", { href: `dead-letters.html?customer=${encodeURIComponent(customer.customerId)}` }, "this customer's dead letters");
    rows.push(...fact("Dead letters", link));
  }
  document.getElementById("facts").replaceChildren(...rows);
}

function timelineItem(entry) {
  const details = [];
  if (entry.stage) details.push(`stage ${entry.stage}`);
  if (entry.attempts) details.push(`${entry.attempts} attempt${entry.attempts === 1 ? "" : "s"}`);
  if (entry.failure) details.push(entry.failure);
  return el("li", { className: `kind-${entry.kind}`, "data-kind": entry.kind },
    el("span", { className: "when" }, when(entry.at)),
    badge(entry.kind, entry.kind), " ",
    el("strong", {}, entry.type || ""), " ",
    userText(entry.summary),
    entry.reason && !(entry.summary || "").includes(entry.reason)
      ? el("div", {}, "reason: ", userText(entry.reason)) : null,
    el("div", { className: "where" },
      [...details, `${entry.topic ?? "?"} partition ${entry.partition ?? "?"} offset ${entry.offset ?? "?"}`].join(" · ")));
}

function renderTimeline(entries) {
  seen.clear();
  entries.forEach((entry) => seen.add(entryKey(entry)));
  document.getElementById("timeline").replaceChildren(...entries.map(timelineItem));
}

async function load() {
  if (!customerId) {
    showProblem(new Error("no customer id given: open this page from the overview's search"));
    return;
  }
  try {
    const customer = await api(`/api/customers/${encodeURIComponent(customerId)}`);
    renderFacts(customer);
    renderTimeline(customer.timeline || []);
    showProblem(null);
  } catch (error) {
    showProblem(error);
  }
}

whoAmI().catch(showProblem);
load();
onTimeline((entry) => {
  if (entry.customerId !== customerId || seen.has(entryKey(entry))) return;
  // The new entry in place at once, then the facts (state, stage, age) from the API.
  seen.add(entryKey(entry));
  document.getElementById("timeline").append(timelineItem(entry));
  load();
});
