// armsflow web interface: plain JavaScript over the JSON API, no build step, no network beyond this server.
// Pages (hash routes): #/ network (network.js, with D3 from /vendor), #/map, #/record/ID (review: review.js),
// #/queue, #/actor/ID, #/document/ID, #/documents, #/try. Filters live in the URL after the route.
"use strict";

const CATEGORIES = [
  "combat-aircraft", "helicopter", "other-aircraft", "uav", "ballistic-missile", "cruise-missile",
  "anti-tank-weapon", "other-missile", "guided-bomb", "air-defence-system", "artillery",
  "artillery-ammunition", "ammunition", "armoured-vehicle", "ship", "sensor", "small-arms",
  "space-technology", "technology", "military-equipment", "personnel",
];
const STATUSES = ["delivered", "agreed", "planned", "considered", "requested", "denied", "refused"];
const COLOURS = {
  delivered: "#c0392b", agreed: "#d68910", planned: "#2e86c1", considered: "#7d8cc4",
  requested: "#17a589", denied: "#6c3483", refused: "#34495e", imposed: "#922b21", lifted: "#7f8c8d",
};
const SVG = "http://www.w3.org/2000/svg";
const app = document.getElementById("app");

// ------------------------------------------------------------------ helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

async function api(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  return body;
}

function badge(status) {
  return h("span", { class: "badge", style: `background:${COLOURS[status] || "#888"}` }, status);
}

// Replace the page's content; null children (optional parts) are left out.
function show(...children) {
  app.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

function say(text) { document.getElementById("status").textContent = text || ""; }

function fail(err) { show(h("p", { class: "error" }, String(err.message || err))); say(""); }

function params(query) { return new URLSearchParams(query || ""); }

// A document's url as a link target only when it is http(s): javascript:, data:, file: and the like (in any
// case, with tabs or newlines hidden in them) would run or open something on a click. The URL parser strips
// what browsers strip before deciding, so what it calls http(s) is what the browser will open.
function safeHref(url) {
  if (typeof url !== "string" || !/^\s*https?:/i.test(url.replace(/[\t\n\r]/g, ""))) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (err) {
    return null;
  }
}

// A link to a document's original when its url is safe, else the url as plain text.
function externalLink(url, label) {
  const href = safeHref(url);
  return href ? h("a", { href, rel: "noopener noreferrer", target: "_blank" }, label) : h("span", { class: "muted" }, url);
}

// ------------------------------------------------------------------ language and names

// The interface's language for actor names: chosen in the header, kept in this browser, else the browser's.
function lang() {
  const chosen = localStorage.getItem("armsflow-lang");
  if (chosen === "de" || chosen === "en") return chosen;
  return (navigator.language || "en").toLowerCase().startsWith("de") ? "de" : "en";
}

let NAMES = null;
async function loadNames() {
  if (!NAMES) NAMES = new Map((await api("/api/names")).items.map((n) => [n.id, n]));
  return NAMES;
}

// An actor's readable name in the interface's language; its id when no name is known.
function actorName(id, known) {
  const n = known || (NAMES && NAMES.get(id));
  return (n && n[`name_${lang()}`]) || id;
}

function actorLink(id) {
  return id ? h("a", { href: `#/actor/${encodeURIComponent(id)}`, title: id, class: "actor", "data-actor": id }, actorName(id)) : "?";
}

// A record or event someone judged is marked wherever it is listed.
function judgedMark(review) {
  if (!review) return null;
  const text = typeof review === "string" ? review
    : `${review.accepted || 0} accepted, ${review.corrected || 0} corrected, ${review.rejected || 0} rejected`;
  return h("span", { class: "judged-mark", title: `judged: ${text}` }, " ✔ judged");
}

// The text with [start, end) spans wrapped in <mark>; spans may not overlap.
function highlighted(text, spans, hot) {
  const out = [];
  let at = 0;
  const sorted = spans.filter((sp) => sp.start >= 0 && sp.end <= text.length).sort((a, b) => a.start - b.start);
  for (const sp of sorted) {
    if (sp.start < at) continue;
    out.push(text.slice(at, sp.start));
    out.push(h("mark", { class: sp.key === hot ? "hot" : null, "data-key": sp.key, title: sp.title || null }, text.slice(sp.start, sp.end)));
    at = sp.end;
  }
  out.push(text.slice(at));
  return out;
}

// ------------------------------------------------------------------ network

function filterForm(q, onApply) {
  const select = (name, options) =>
    h("select", { name }, h("option", { value: "" }, "any"),
      options.map((o) => h("option", { value: o, selected: q.get(name) === o }, o)));
  const form = h("form", { class: "filters", id: "filters" },
    h("label", {}, "item", select("item", CATEGORIES)),
    h("label", {}, "status", select("status", STATUSES)),
    h("label", {}, "actor", h("input", { name: "actor", value: q.get("actor") || "", placeholder: "Iran, RUS…", size: 10 })),
    h("label", {}, "since", h("input", { name: "since", value: q.get("since") || "", placeholder: "YYYY[-MM[-DD]]", size: 11 })),
    h("label", {}, "until", h("input", { name: "until", value: q.get("until") || "", placeholder: "YYYY[-MM[-DD]]", size: 11 })),
    h("label", {}, "min. confidence", h("input", { name: "min_confidence", type: "number", min: 0, max: 1, step: 0.05, value: q.get("min_confidence") || "", placeholder: "0–1", size: 5 })),
    h("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const out = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) out.set(k, String(v).trim());
    onApply(out);
  });
  form.addEventListener("change", (ev) => { if (ev.target.tagName === "SELECT") form.requestSubmit(); });
  return form;
}

// ------------------------------------------------------------------ why: the rules behind an event

let RULES = null;
async function ruleDescriptions() {
  if (!RULES) RULES = new Map((await api("/api/rules")).items.map((r) => [r.id, r]));
  return RULES;
}

function confidence(value) {
  return typeof value === "number" ? h("span", { class: "confidence", title: "confidence that the event is right" }, value.toFixed(2)) : "";
}

// "why?": the rule ids on the event's trace, in the order they decided, with what each rule means, and the
// event's confidence; fetched and shown only when opened.
function why(trace, rule, conf) {
  const box = h("details", { class: "trace" }, h("summary", {}, "why?"));
  box.addEventListener("toggle", async () => {
    if (!box.open || box.dataset.filled) return;
    box.dataset.filled = "1";
    const rules = await ruleDescriptions();
    box.append(h("ol", {}, (trace || []).map((id) => h("li", { class: id === rule ? "deciding" : "" },
      h("code", {}, id), " ", (rules.get(id) || {}).description || ""))),
      typeof conf === "number" ? h("p", { class: "trace-confidence" }, `confidence ${conf.toFixed(2)} (how often events like this one are right)`) : null);
  });
  return box;
}

// ------------------------------------------------------------------ record

function timeline(all) {
  const days = (iso) => Date.parse(String(iso).slice(0, 10) + "T00:00:00Z") / 86400000;
  // A date armsflow now refuses may still be in an older database: leave its row out rather than fail the page.
  const history = all.filter((x) => Number.isFinite(days(x.first)) && Number.isFinite(days(x.last)));
  if (!history.length) return h("p", { class: "muted" }, "No valid dates to draw a timeline.");
  const first = Math.min(...history.map((x) => days(x.first)));
  const last = Math.max(...history.map((x) => days(x.last)));
  const span = Math.max(last - first, 1);
  const width = 700, row = 26, left = 110;
  const svg = s("svg", { class: "timeline", viewBox: `0 0 ${width} ${history.length * row + 30}` });
  history.forEach((x, i) => {
    const a = left + ((days(x.first) - first) / span) * (width - left - 20);
    const b = left + ((days(x.last) - first) / span) * (width - left - 20);
    svg.append(s("text", { x: 4, y: i * row + 18, "font-size": 12 }, x.status));
    svg.append(s("rect", { x: a, y: i * row + 6, width: Math.max(b - a, 6), height: 16, rx: 3, fill: COLOURS[x.status] || "#888" },
      s("title", {}, `${x.status}: ${x.first} … ${x.last}, ${x.documents} document(s)`)));
  });
  const axis = history.length * row + 22;
  svg.append(s("text", { x: left, y: axis, "font-size": 11, fill: "#667085" }, new Date(first * 86400000).toISOString().slice(0, 10)));
  svg.append(s("text", { x: width - 20, y: axis, "font-size": 11, fill: "#667085", "text-anchor": "end" }, new Date(last * 86400000).toISOString().slice(0, 10)));
  return svg;
}

// The paragraph around a span, with the span marked.
function inContext(text, start, end) {
  let a = text.lastIndexOf("\n", start - 1) + 1;
  let b = text.indexOf("\n", end);
  if (b < 0) b = text.length;
  if (start - a > 400) a = start - 400;
  if (b - end > 400) b = end + 400;
  return [a > 0 ? "… " : "", ...highlighted(text.slice(a, b), [{ start: start - a, end: end - a, key: "e" }], "e"), b < text.length ? " …" : ""];
}

async function recordPage(id) {
  say("loading…");
  const r = await api(`/api/records/${encodeURIComponent(id)}`);
  const transfer = r.type === "transfer";
  const texts = new Map();
  await Promise.all([...new Set(r.evidence.map((e) => e.document_id))].map(async (doc) => {
    texts.set(doc, (await api(`/api/documents/${encodeURIComponent(doc)}`)).text);
  }));
  const publishers = [...new Set(r.evidence.map((e) => e.publisher).filter(Boolean))];
  const sources = [...new Set(r.evidence.map((e) => e.source).filter(Boolean))];
  show(
    h("h1", {}, transfer
      ? [actorLink(r.supplier), " → ", actorLink(r.recipient), ": ", r.designation ? `${r.designation} (${r.item})` : r.item]
      : [actorLink(r.imposer), " sanctions ", actorLink(r.target)]),
    h("p", {}, "current status ", badge(r.status), ` · reported ${r.first_reported} … ${r.last_reported} · `,
      `${r.n_documents} document(s), ${r.n_sources} source(s), ${r.n_publishers} publisher(s)`,
      typeof r.confidence === "number" ? [" · confidence ", confidence(r.confidence)] : ""),
    r.contradiction ? h("p", { class: "warn" }, `Contradiction: ${r.contradiction.replace("/", " and ")} are both reported.`) : null,
    r.dispute ? h("p", { class: "dispute" },
      `Claimed (${r.dispute.claim.status}) by: ${r.dispute.claim.sources.join("; ")}`, h("br"),
      `Against (${r.dispute.denial.statuses.join(", ")}) by: ${r.dispute.denial.sources.join("; ")}`,
      r.dispute.denial_outweighed ? [h("br"), `Current status ${r.dispute.current}: ${r.dispute.rule}.`] : "") : null,
    r.review ? h("p", { class: "review" }, `Reviewed: ${r.review.accepted} accepted, ${r.review.corrected} corrected, `,
      `${r.review.rejected} rejected, ${r.review.unjudged} not yet judged (judgements ${r.review.judgements.join(", ")})`) : null,
    r.quantities && r.quantities.length ? h("p", {}, `Quantities reported: ${r.quantities.join(", ")}`) : null,
    window.reviewPanel ? window.reviewPanel(r) : null, // review.js
    h("h2", {}, "Status over time"),
    timeline(r.history),
    h("h2", {}, "Sources and publishers"),
    h("p", {}, sources.length ? `Attributed to: ${sources.join("; ")}` : "No attribution in the articles.", h("br"),
      publishers.length ? `Published by: ${publishers.join("; ")}` : "No publisher known."),
    h("h2", {}, `Evidence (${r.evidence.length})`),
    h("div", { id: "evidence" }, r.evidence.map((e) => h("div", { class: "evidence", "data-event": e.event_id },
      h("div", { class: "meta" }, h("input", { type: "checkbox", class: "split-pick", value: e.event_id, title: "pick for a split", "aria-label": "pick this event for a split" }),
        ` ${e.reported} · `, badge(e.status), e.source ? ` according to ${e.source}` : "",
        " · ", h("a", { href: `#/document/${encodeURIComponent(e.document_id)}?event=${e.event_id}` }, e.title || e.doc_key),
        e.publisher ? ` · ${e.publisher}` : "", e.url ? [" · ", externalLink(e.url, "original")] : "",
        typeof e.confidence === "number" ? [" · confidence ", confidence(e.confidence)] : "",
        e.review ? h("span", { class: "judged-mark" }, ` · judged ${e.review}`) : "",
        e.extracted ? ` (extracted: ${Object.entries(e.extracted).map(([k, v]) => `${k} ${v}`).join(", ")})` : ""),
      h("div", { class: "context" }, texts.has(e.document_id) ? inContext(texts.get(e.document_id), e.start_char, e.end_char) : e.evidence),
      e.trace && e.trace.length ? why(e.trace, e.rule, e.confidence) : null))));
  say("");
}

// ------------------------------------------------------------------ actor

async function actorPage(id) {
  say("loading…");
  const a = await api(`/api/actors/${encodeURIComponent(id)}`);
  const name = a[`name_${lang()}`] || a.id;
  const section = (title, rows, partnerLabel) => [
    h("h2", {}, `${title} (${rows.length})`),
    rows.length ? h("table", {},
      h("tr", {}, h("th", {}, partnerLabel), h("th", {}, "item"), h("th", {}, "status"), h("th", {}, "reported"), h("th", {}, "documents"), h("th", {}, "")),
      rows.map((r) => h("tr", {},
        h("td", {}, actorLink(r.partner)), h("td", {}, r.designation ? `${r.designation} (${r.item})` : r.item || ""),
        h("td", {}, badge(r.status)), h("td", {}, `${r.first_reported} … ${r.last_reported}`), h("td", {}, r.n_documents),
        h("td", {}, h("a", { href: `#/record/${r.record_id}` }, "record"), judgedMark(r.review)))))
      : h("p", { class: "muted" }, "none"),
  ];
  show(
    h("h1", { title: a.id }, name, name !== a.id ? h("span", { class: "code" }, ` ${a.id}`) : null),
    h("p", {}, h("a", { href: `#/?actor=${encodeURIComponent(a.id)}` }, "show in the network"), " · ",
      h("a", { href: `#/map?actor=${encodeURIComponent(a.id)}` }, "on the map")),
    h("h2", {}, "Reports per month"),
    h("div", { id: "timeline-chart" }),
    section("Supplies", a.supplies, "to"),
    section("Receives", a.receives, "from"),
    section("Imposes sanctions", a.imposes, "on"),
    section("Sanctioned by", a.sanctioned_by, "by"));
  if (window.timelineInto) await window.timelineInto(document.getElementById("timeline-chart"), `actor=${encodeURIComponent(a.id)}`);
  say("");
}

// ------------------------------------------------------------------ documents

function eventRows(events, onHover) {
  return h("table", { id: "events" },
    h("tr", {}, h("th", {}, "event"), h("th", {}, "status"), h("th", {}, "source"), h("th", {}, "conf.")),
    events.map((e, i) => {
      const who = e.type === "transfer"
        ? `${e.supplier || "?"} → ${e.recipient || "?"}: ${e.designation ? e.designation + " " : ""}${e.item}${e.quantity ? " ×" + e.quantity : ""}`
        : `${e.imposer || "?"} sanctions ${e.target || "?"}`;
      const row = h("tr", { "data-key": String(i) },
        h("td", {}, e.record_id ? h("a", { href: `#/record/${e.record_id}` }, who) : who, judgedMark(e.review),
          e.trace && e.trace.length ? why(e.trace, e.rule, e.confidence) : null),
        h("td", {}, badge(e.status)), h("td", {}, e.source || ""), h("td", {}, confidence(e.confidence)));
      if (onHover) {
        row.addEventListener("mouseenter", () => onHover(String(i)));
        row.addEventListener("mouseleave", () => onHover(null));
      }
      return row;
    }));
}

function withHover(textBox) {
  return (key) => {
    for (const m of textBox.querySelectorAll("mark")) m.classList.toggle("hot", m.dataset.key === key);
  };
}

async function documentPage(id, query) {
  say("loading…");
  const d = await api(`/api/documents/${encodeURIComponent(id)}`);
  const focus = params(query).get("event");
  const spans = d.events.map((e, i) => ({ start: e.start_char, end: e.end_char, key: String(i), title: e.evidence }));
  const hot = focus ? String(d.events.findIndex((e) => e.id === focus)) : null;
  const text = h("div", { class: "doctext", id: "doctext" }, highlighted(d.text, spans, hot));
  show(
    h("h1", {}, d.title || d.doc_key),
    h("p", { class: "muted" }, [d.date, d.publisher, d.lang].filter(Boolean).join(" · "),
      d.url ? [" · ", externalLink(d.url, d.url)] : ""),
    h("div", { class: "layout" }, text, h("div", { class: "panel" }, h("h2", {}, `Events (${d.events.length})`), eventRows(d.events, withHover(text)))));
  const marked = text.querySelector("mark.hot");
  if (marked) marked.scrollIntoView({ block: "center" });
  say("");
}

async function documentsPage(query) {
  const q = params(query);
  say("loading…");
  const data = await api(`/api/documents?${q}`);
  const form = h("form", { class: "filters" },
    h("label", {}, "search", h("input", { name: "search", value: q.get("search") || "" })),
    h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const value = new FormData(form).get("search");
    location.hash = value ? `#/documents?search=${encodeURIComponent(value)}` : "#/documents";
  });
  show(h("h1", {}, "Documents"), form,
    h("table", {}, h("tr", {}, h("th", {}, "reported"), h("th", {}, "title"), h("th", {}, "publisher"), h("th", {}, "events")),
      data.items.map((d) => h("tr", {}, h("td", {}, d.reported), h("td", {}, h("a", { href: `#/document/${d.id}` }, d.title || d.doc_key)),
        h("td", {}, d.publisher || ""), h("td", {}, d.n_events)))));
  say("");
}

// ------------------------------------------------------------------ try it

function tryPage() {
  const input = h("textarea", { id: "try-text", placeholder: "Paste a German or English news text…" });
  const lang = h("select", { id: "try-lang" }, h("option", { value: "" }, "detect language"), h("option", { value: "de" }, "German"), h("option", { value: "en" }, "English"));
  const out = h("div", { id: "try-result" });
  const run = async () => {
    out.replaceChildren(h("p", { class: "muted" }, "extracting…"));
    try {
      const body = { text: input.value };
      if (lang.value) body.lang = lang.value;
      const r = await api("/api/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const spans = r.events.map((e, i) => ({ start: e.start, end: e.end, key: String(i), title: e.evidence }));
      const text = h("div", { class: "doctext" }, highlighted(input.value, spans, null));
      out.replaceChildren(h("p", {}, `${r.events.length} event(s) found (language: ${r.lang}).`),
        h("div", { class: "layout" }, text, h("div", { class: "panel" }, eventRows(r.events, withHover(text)))));
    } catch (err) {
      out.replaceChildren(h("p", { class: "error" }, String(err.message || err)));
    }
  };
  show(h("h1", {}, "Try it"),
    h("p", { class: "muted" }, "Events are extracted at once and not stored."),
    input, h("p", {}, lang, " ", h("button", { id: "try-run", onclick: run }, "Extract events")), out);
}

// ------------------------------------------------------------------ routing

// Pages kept in their own files (screen.js, …) register here: armsflowPage("screen", async (parts, query) => …).
// Loaded after app.js, they may use its helpers (h, api, show, say, fail).
const PAGES = {};
function armsflowPage(name, render) { PAGES[name] = render; }
window.armsflowPage = armsflowPage;

async function route() {
  const [path, query] = (location.hash.slice(1) || "/").split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const page = parts[0] || "network";
  await loadNames().catch(() => null); // names are a nicety: a page still shows ids without them
  if (route.last !== path) window.scrollTo(0, 0); // a new page starts at its top (a filter change keeps the place)
  route.last = path;
  for (const a of document.querySelectorAll("nav a[data-page]")) {
    a.classList.toggle("active", a.dataset.page === page || (page === "document" && a.dataset.page === "documents"));
  }
  try {
    if (page === "record" && parts[1]) await recordPage(parts[1]);
    else if (page === "actor" && parts[1]) await actorPage(parts[1]);
    else if (page === "document" && parts[1]) await documentPage(parts[1], query);
    else if (page === "documents") await documentsPage(query);
    else if (page === "try") tryPage();
    else if (PAGES[page]) await PAGES[page](parts.slice(1), query);
    else show(h("p", { class: "error" }, "No such page."));
  } catch (err) {
    fail(err);
  }
}

window.addEventListener("hashchange", route);
const langSelect = document.getElementById("lang");
if (langSelect) {
  langSelect.value = lang();
  langSelect.addEventListener("change", () => { localStorage.setItem("armsflow-lang", langSelect.value); route(); });
}
// After every script of the page has run, so that pages in their own files (network.js, screen.js, …) are
// registered before the first route.
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", route);
else route();
