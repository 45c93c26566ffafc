import { api, badge, customerLink, debounce, el, liveAge, onTimeline, showProblem, userText, when, whoAmI } from "./console.js";

const STAGE_WORDS = {
  droplet: "awaiting droplet",
  hardening: "hardening",
  stack: "installing stack",
  email: "emailing customer",
};

function stageWord(stage) {
  return STAGE_WORDS[stage] || stage || "—";
}

function renderFunnel(stages) {
  const list = document.getElementById("funnel");
  list.replaceChildren(...stages.map((stage) => {
    const item = el("li", { className: stage.stuck > 0 ? "has-stuck" : null, "data-stage": stage.stage },
      el("div", { className: "stage" }, stageWord(stage.stage)),
      el("div", { className: "count", "aria-label": `${stage.inFlight} in flight` }, String(stage.inFlight)),
      el("div", { className: "muted" }, "in flight"),
      el("dl", {},
        el("dt", {}, "oldest"), el("dd", {}, stage.inFlight > 0 ? liveAge(stage.oldestAgeSeconds) : "—"),
        el("dt", {}, "stuck"), el("dd", {}, stage.stuck > 0 ? badge(`${stage.stuck} stuck`, "stuck") : "0"),
        el("dt", {}, "done, last hour"), el("dd", {}, String(stage.doneLastHour)),
        el("dt", {}, "failed, last hour"), el("dd", {}, String(stage.failedLastHour))));
    return item;
  }));
}

function customerRow(customer) {
  return el("tr", { className: customer.stuck ? "stuck" : null, "data-customer": customer.customerId },
    el("td", {}, customerLink(customer.customerId)),
    el("td", {}, stageWord(customer.stage)),
    el("td", { className: "num" }, liveAge(customer.ageSeconds)),
    el("td", {}, userText(customer.email)),
    el("td", {}, customer.stuck ? badge("stuck", "stuck") : badge(customer.state, customer.state)));
}

function renderInFlight(customers, total) {
  const caption = document.querySelector("#in-flight caption");
  caption.textContent = total > customers.length
    ? `${total} customers being provisioned; ${customers.length} shown (the stuck and the newest), stuck ones first, then the oldest.`
    : "Customers being provisioned, stuck ones first, then the oldest.";
  const sorted = [...customers].sort((a, b) => (b.stuck - a.stuck) || (b.ageSeconds - a.ageSeconds));
  const body = document.querySelector("#in-flight tbody");
  body.replaceChildren(...(sorted.length
    ? sorted.map(customerRow)
    : [el("tr", {}, el("td", { colspan: 5, className: "muted" }, "Nobody is being provisioned."))]));
}

function renderFailures(customers) {
  const body = document.querySelector("#failures tbody");
  body.replaceChildren(...(customers.length
    ? customers.map((customer) => el("tr", { "data-customer": customer.customerId },
      el("td", {}, customerLink(customer.customerId)),
      el("td", {}, stageWord(customer.failedStage)),
      el("td", {}, userText(customer.reason)),
      el("td", {}, customer.failure ? badge(customer.failure, "failed") : "—"),
      el("td", {}, when(customer.since))))
    : [el("tr", {}, el("td", { colspan: 5, className: "muted" }, "No failures."))]));
}

async function refresh() {
  try {
    // The stuck ones asked for apart: with hundreds in flight, the newest page alone would leave out the oldest.
    const [stages, stuck, inFlight, failed] = await Promise.all([
      api("/api/stages"),
      api("/api/customers?state=in-flight&stuck=true&size=50"),
      api("/api/customers?state=in-flight&size=100"),
      api("/api/customers?state=failed&size=20"),
    ]);
    renderFunnel(stages);
    const newest = inFlight.items.filter((customer) => !stuck.items.some((s) => s.customerId === customer.customerId));
    renderInFlight([...stuck.items, ...newest], inFlight.total);
    renderFailures(failed.items);
    showProblem(null);
  } catch (error) {
    showProblem(error);
  }
}

async function search(query) {
  const results = document.getElementById("search-results");
  if (!query) {
    results.replaceChildren();
    return;
  }
  try {
    const found = await api(`/api/customers?q=${encodeURIComponent(query)}&size=20`);
    if (found.items.length === 0) {
      results.replaceChildren(el("p", {}, "No customer matches ", userText(query), "."));
      return;
    }
    results.replaceChildren(
      el("p", {}, `${found.total} found`, found.total > found.items.length ? `, first ${found.items.length} shown` : ""),
      el("table", { id: "search-table" },
        el("thead", {}, el("tr", {},
          el("th", { scope: "col" }, "Customer"), el("th", { scope: "col" }, "Email"),
          el("th", { scope: "col" }, "State"), el("th", { scope: "col" }, "Stage"), el("th", { scope: "col", className: "num" }, "Age"))),
        el("tbody", {}, found.items.map((customer) => el("tr", { "data-customer": customer.customerId },
          el("td", {}, customerLink(customer.customerId)),
          el("td", {}, userText(customer.email)),
          el("td", {}, customer.stuck ? badge("stuck", "stuck") : badge(customer.state, customer.state)),
          el("td", {}, stageWord(customer.stage)),
          el("td", { className: "num" }, liveAge(customer.ageSeconds)))))));
  } catch (error) {
    results.replaceChildren(el("p", { className: "problem" }, error.message));
  }
}

document.getElementById("search").addEventListener("submit", (event) => {
  event.preventDefault();
  const query = document.getElementById("q").value.trim();
  history.replaceState(null, "", query ? `?q=${encodeURIComponent(query)}` : "./");
  search(query);
});

const initial = new URLSearchParams(location.search).get("q");
if (initial) {
  document.getElementById("q").value = initial;
  search(initial);
}

whoAmI().catch(showProblem);
refresh();
// Ages grow between events: a quiet pipeline is refreshed every 15 s, a busy one at most once a second.
setInterval(refresh, 15_000);
onTimeline(debounce(refresh, 1000));
