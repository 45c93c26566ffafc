import { api, badge, customerLink, debounce, el, onTimeline, post, showProblem, userText, when, whoAmI } from "./console.js";

const params = new URLSearchParams(location.search);
const customerInput = document.getElementById("customer");
const topicInput = document.getElementById("topic");
customerInput.value = params.get("customer") || "";
topicInput.value = params.get("topic") || "";
let operator = false;

function replayPath(letter) {
  return `/api/dead-letters/${encodeURIComponent(letter.topic)}/${letter.partition}/${letter.offset}/replay`;
}

function describe(letter) {
  return `${letter.customerId ?? "unknown customer"}'s record at ${letter.topic} partition ${letter.partition} offset ${letter.offset}`;
}

async function replay(letter, button) {
  const status = document.getElementById("replay-status");
  button.disabled = true;
  status.textContent = `Replaying ${describe(letter)}…`;
  try {
    await post(replayPath(letter));
    status.textContent = `Replayed ${describe(letter)} to ${letter.originalTopic}.`;
    await load();
  } catch (error) {
    status.textContent = `Replay of ${describe(letter)} refused: ${error.status ? `${error.status} ` : ""}${error.message}`;
    button.disabled = false;
  }
}

function action(letter) {
  if (letter.replayed) return badge("replayed", "replayed");
  if (!operator) return el("span", { className: "muted" }, "not replayed");
  const button = el("button", { type: "button", className: "replay" }, "Replay");
  // The accessible name says which record: a screen reader's list of buttons is otherwise twenty "Replay"s.
  button.setAttribute("aria-label", `Replay ${describe(letter)}`);
  button.addEventListener("click", () => replay(letter, button));
  return button;
}

function row(letter) {
  return el("tr", { "data-customer": letter.customerId, "data-offset": letter.offset, "data-topic": letter.topic },
    el("td", {}, when(letter.deadAt)),
    el("td", {}, letter.customerId ? customerLink(letter.customerId) : el("span", { className: "muted" }, "unknown")),
    el("td", {}, userText(letter.stage)),
    el("td", {}, userText(letter.reason), letter.failure ? [" ", badge(letter.failure, "failed")] : null),
    el("td", { className: "num" }, letter.attempts ?? "—"),
    el("td", { className: "mono" }, `${letter.topic} / ${letter.partition} / ${letter.offset}`),
    el("td", {}, action(letter)));
}

async function load() {
  const query = new URLSearchParams();
  if (customerInput.value.trim()) query.set("customer", customerInput.value.trim());
  if (topicInput.value.trim()) query.set("topic", topicInput.value.trim());
  try {
    const letters = await api(`/api/dead-letters${query.size ? `?${query}` : ""}`);
    const body = document.querySelector("#dead-letters tbody");
    body.replaceChildren(...(letters.length
      ? letters.map(row)
      : [el("tr", {}, el("td", { colspan: 7, className: "muted" }, "No dead letters."))]));
    showProblem(null);
  } catch (error) {
    showProblem(error);
  }
}

document.getElementById("filter").addEventListener("submit", (event) => {
  event.preventDefault();
  const query = new URLSearchParams();
  if (customerInput.value.trim()) query.set("customer", customerInput.value.trim());
  if (topicInput.value.trim()) query.set("topic", topicInput.value.trim());
  history.replaceState(null, "", query.size ? `?${query}` : "dead-letters.html");
  load();
});

try {
  operator = (await whoAmI()).operator;
  document.getElementById("role-note").textContent = operator
    ? "You are an operator: you can replay."
    : "You are a viewer: replaying needs the operator role.";
} catch (error) {
  showProblem(error);
}
await load();
const reload = debounce(load, 1000);
onTimeline((entry) => {
  if (entry.kind === "dead-letter" || entry.kind === "replay") reload();
});
