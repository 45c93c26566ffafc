// Shared by the console's pages. Every string from the API is put in the page as text (textContent via el()), never
// as HTML: customer ids, emails, names and reasons come from sign-ups anyone can send.

/** The longest customer-supplied string shown whole; a 2 MB contact name must not become a 2 MB table cell. */
const LONGEST_SHOWN = 160;
/** Control and invisible formatting characters (bidi overrides, zero-width spaces, NUL...), shown as escapes. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** An element with attributes and children; string children become text nodes, never markup. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "className") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * A customer-supplied string as a span of text: invisible characters shown as ⟨U+202E⟩ so a spoofed name reads as
 * what it is, and a very long one cut with a note of how much is left out. The whole string stays in the title.
 */
export function userText(value) {
  const span = el("span", { className: "user-text" });
  if (value === null || value === undefined || value === "") {
    span.append(el("span", { className: "muted" }, "—"));
    return span;
  }
  const text = String(value);
  const shown = text.length > LONGEST_SHOWN ? text.slice(0, LONGEST_SHOWN) : text;
  let plain = "";
  for (const ch of shown) {
    if (INVISIBLE.test(ch)) {
      if (plain) span.append(plain);
      plain = "";
      const code = ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
      span.append(el("span", { className: "escape", title: "invisible character" }, `⟨U+${code}⟩`));
    } else {
      plain += ch;
    }
  }
  if (plain) span.append(plain);
  if (shown.length < text.length) {
    span.append(el("span", { className: "muted" }, ` … (${(text.length - shown.length).toLocaleString()} more characters)`));
  }
  if (text.length <= 10_000) span.title = text;
  return span;
}

/** A link to a customer's page, its id shown as text. */
export function customerLink(customerId) {
  const link = el("a", { href: `customer.html?id=${encodeURIComponent(customerId ?? "")}` });
  link.append(userText(customerId));
  return link;
}

export function badge(word, kind = word) {
  return el("span", { className: `badge ${kind}` }, word);
}

/** "42 s", "7 min 3 s", "2 h 5 min", "3 d 4 h". */
export function age(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return "—";
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86400)} d ${Math.floor((s % 86400) / 3600)} h`;
}

/** An age that keeps growing on the page between refreshes, one tick a second. */
export function liveAge(seconds) {
  const span = el("span", { className: "age" }, age(seconds));
  if (typeof seconds === "number") {
    span.dataset.ageSeconds = String(seconds);
    span.dataset.ageAt = String(Date.now());
  }
  startAgeTicker();
  return span;
}

let ticking = false;
function startAgeTicker() {
  if (ticking) return;
  ticking = true;
  setInterval(() => {
    for (const span of document.querySelectorAll("span.age[data-age-seconds]")) {
      const grown = Number(span.dataset.ageSeconds) + (Date.now() - Number(span.dataset.ageAt)) / 1000;
      span.textContent = age(grown);
    }
  }, 1000);
}

/** An instant as local time, with the ISO instant in a <time> element's datetime. */
export function when(instant) {
  if (!instant) return el("span", { className: "muted" }, "—");
  const date = new Date(instant);
  const shown = Number.isNaN(date.getTime()) ? String(instant) : date.toLocaleString(undefined, {
    month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit",
  });
  return el("time", { datetime: String(instant), title: String(instant) }, shown);
}

/** A failed API call, with the problem body's title and detail when there is one. */
export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** JSON from the API; throws ApiProblem on any status but 2xx. */
export async function api(path, options = {}) {
  const response = await fetch(path, {
    credentials: "same-origin",
    ...options,
    headers: { Accept: "application/json", ...(options.headers || {}) },
  });
  const body = await response.text();
  let json = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    json = null;
  }
  if (!response.ok) throw new ApiProblem(response.status, json);
  return json;
}

/** A POST as the console sends it: with the header a cross-site form cannot send. */
export function post(path) {
  return api(path, { method: "POST", headers: { "X-Rainmaker-Console": "1" } });
}

/** Who is signed in; shows the name and role in the header's .who element. */
export async function whoAmI() {
  const me = await api("/api/me");
  const roles = me?.roles || [];
  const who = document.querySelector(".who");
  if (who) {
    who.replaceChildren("signed in as ", userText(me?.user), ` (${roles.includes("operator") ? "operator" : "viewer"})`);
  }
  return { user: me?.user, roles, operator: roles.includes("operator") };
}

/** Shows a problem (or clears it) in the page's [role=alert] element. */
export function showProblem(error) {
  const box = document.querySelector(".problem");
  if (!box) return;
  if (!error) {
    box.replaceChildren();
    return;
  }
  const status = error.status ? `${error.status}: ` : "";
  box.replaceChildren(`${status}${error.message}`);
}

/**
 * Timeline entries as they happen, from /api/events. The header's .live element says whether the stream is open;
 * EventSource reconnects by itself. The stream is closed when the page is left, and opened again if the browser brings
 * the page back from its back/forward cache: a cached page keeps its connection open, and once six pages are cached
 * they hold all six connections the browser makes to the console, and the next page waits about a minute to load.
 */
export function onTimeline(handle) {
  const indicator = document.querySelector(".live");
  const say = (state, text) => {
    if (!indicator) return;
    indicator.dataset.state = state;
    indicator.textContent = text;
  };
  const open = () => {
    const source = new EventSource("/api/events");
    source.addEventListener("open", () => say("open", "live"));
    source.addEventListener("error", () => say("closed", "live updates reconnecting…"));
    source.addEventListener("timeline", (message) => {
      try {
        handle(JSON.parse(message.data));
      } catch (error) {
        console.warn("unreadable timeline event", error);
      }
    });
    return source;
  };
  let source = open();
  window.addEventListener("pagehide", () => source.close());
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) source = open();
  });
}

/** Runs fn at most once per delay, however often it is asked. */
export function debounce(fn, delay) {
  let timer = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, delay);
  };
}
