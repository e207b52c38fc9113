// armsflow web interface: plain JavaScript over the JSON API, no library, no network beyond this server.
// Pages (hash routes): #/ network, #/record/ID, #/actor/ID, #/document/ID, #/documents, #/try.
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

function actorLink(id) { return id ? h("a", { href: `#/actor/${encodeURIComponent(id)}` }, id) : "?"; }

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

// A force-directed layout, computed before drawing: repulsion between all nodes, springs along edges.
function layout(nodes, edges, width, height) {
  const n = nodes.length;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const pos = nodes.map((_, i) => {
    const a = (2 * Math.PI * i) / Math.max(n, 1);
    return { x: width / 2 + (width / 3) * Math.cos(a), y: height / 2 + (height / 3) * Math.sin(a) };
  });
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.6;
  for (let step = 0; step < 300; step++) {
    const move = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(Math.hypot(dx, dy), 1);
        const f = (k * k) / d;
        move[i].x += (dx / d) * f; move[i].y += (dy / d) * f;
        move[j].x -= (dx / d) * f; move[j].y -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      if (i === undefined || j === undefined || i === j) continue;
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const d = Math.max(Math.hypot(dx, dy), 1);
      const f = (d * d) / k;
      move[i].x -= (dx / d) * f; move[i].y -= (dy / d) * f;
      move[j].x += (dx / d) * f; move[j].y += (dy / d) * f;
    }
    const temperature = (width / 10) * (1 - step / 300) + 1;
    for (let i = 0; i < n; i++) {
      const d = Math.max(Math.hypot(move[i].x, move[i].y), 1);
      pos[i].x = Math.min(width - 40, Math.max(40, pos[i].x + (move[i].x / d) * Math.min(d, temperature)));
      pos[i].y = Math.min(height - 30, Math.max(30, pos[i].y + (move[i].y / d) * Math.min(d, temperature)));
    }
  }
  return new Map(nodes.map((node, i) => [node.id, pos[i]]));
}

async function networkPage(query) {
  const q = params(query);
  say("loading…");
  const data = await api(`/api/network?${q}`);
  const width = 1000, height = 640;
  const pos = layout(data.nodes, data.edges, width, height);
  const svg = s("svg", { class: "network", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "transfer network" });
  const defs = s("defs");
  for (const [status, colour] of Object.entries(COLOURS)) {
    defs.append(s("marker", { id: `arrow-${status}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
      s("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: colour })));
  }
  svg.append(defs);
  const pairs = new Map();
  for (const e of data.edges) {
    const key = `${e.source}>${e.target}`;
    const nth = pairs.get(key) || 0;
    pairs.set(key, nth + 1);
    const a = pos.get(e.source), b = pos.get(e.target);
    if (!a || !b) continue;
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
    const ux = dx / d, uy = dy / d;
    const x1 = a.x + ux * 14, y1 = a.y + uy * 14, x2 = b.x - ux * 16, y2 = b.y - uy * 16;
    const bend = 18 + 16 * nth; // parallel records between one pair fan out
    const cx = (x1 + x2) / 2 - uy * bend, cy = (y1 + y2) / 2 + ux * bend;
    const title = `${e.source} → ${e.target}: ${e.designation ? e.designation + " " : ""}${e.item} (${e.status}, ${e.n_documents} document${e.n_documents === 1 ? "" : "s"})`;
    const path = s("path", {
      class: "edge", d: `M ${x1} ${y1} Q ${cx} ${cy} ${x2} ${y2}`, stroke: COLOURS[e.status] || "#888",
      "marker-end": `url(#arrow-${e.status})`, "data-source": e.source, "data-target": e.target,
      "data-item": e.item, "data-status": e.status, "data-record": e.id, tabindex: 0,
    }, s("title", {}, title));
    path.addEventListener("click", () => { location.hash = `#/record/${e.id}`; });
    path.addEventListener("keydown", (ev) => { if (ev.key === "Enter") location.hash = `#/record/${e.id}`; });
    svg.append(path);
    svg.append(s("text", { class: "edge-label", x: (x1 + x2) / 2 - uy * bend * 0.55, y: (y1 + y2) / 2 + ux * bend * 0.55, "text-anchor": "middle" }, e.item));
  }
  for (const node of data.nodes) {
    const p = pos.get(node.id);
    const g = s("g", { class: "node", transform: `translate(${p.x},${p.y})`, "data-actor": node.id, style: "cursor:pointer" },
      s("circle", { r: 12 }), s("text", { y: 4, "text-anchor": "middle" }, node.id), s("title", {}, node.label));
    g.addEventListener("click", () => { location.hash = `#/actor/${encodeURIComponent(node.id)}`; });
    svg.append(g);
  }
  const legend = h("p", { class: "legend" }, Object.entries(COLOURS).filter(([k]) => STATUSES.includes(k)).map(([k, c]) =>
    h("span", {}, h("span", { class: "swatch", style: `background:${c}` }), k)));
  show(
    h("h1", {}, "Who arms whom"),
    filterForm(q, (out) => { location.hash = `#/?${out}`; }),
    legend,
    data.edges.length ? svg : h("p", { class: "muted" }, "No transfer records match these filters."),
    h("p", { class: "muted" }, `${data.nodes.length} actors, ${data.edges.length} transfer records. Click an arrow to open its record, a node for the actor.`));
  say("");
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

// "why?": the rule ids on the event's trace, in the order they decided, with what each rule means.
function why(trace, rule) {
  const box = h("details", { class: "trace" }, h("summary", {}, "why?"));
  box.addEventListener("toggle", async () => {
    if (!box.open || box.dataset.filled) return;
    box.dataset.filled = "1";
    const rules = await ruleDescriptions();
    box.append(h("ol", {}, (trace || []).map((id) => h("li", { class: id === rule ? "deciding" : "" },
      h("code", {}, id), " ", (rules.get(id) || {}).description || ""))));
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
  const svg = s("svg", { class: "timeline", viewBox: `0 0 ${width} ${history.length * row + 30}`, width, style: "max-width:100%" });
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
    h("h2", {}, "Status over time"),
    timeline(r.history),
    h("h2", {}, "Sources and publishers"),
    h("p", {}, sources.length ? `Attributed to: ${sources.join("; ")}` : "No attribution in the articles.", h("br"),
      publishers.length ? `Published by: ${publishers.join("; ")}` : "No publisher known."),
    h("h2", {}, `Evidence (${r.evidence.length})`),
    h("div", { id: "evidence" }, r.evidence.map((e) => h("div", { class: "evidence" },
      h("div", { class: "meta" }, `${e.reported} · `, badge(e.status), e.source ? ` according to ${e.source}` : "",
        " · ", h("a", { href: `#/document/${encodeURIComponent(e.document_id)}?event=${e.event_id}` }, e.title || e.doc_key),
        e.publisher ? ` · ${e.publisher}` : "", e.url ? [" · ", externalLink(e.url, "original")] : "",
        typeof e.confidence === "number" ? [" · confidence ", confidence(e.confidence)] : "",
        e.review ? ` · judged ${e.review}` : "",
        e.extracted ? ` (extracted: ${Object.entries(e.extracted).map(([k, v]) => `${k} ${v}`).join(", ")})` : ""),
      h("div", { class: "context" }, texts.has(e.document_id) ? inContext(texts.get(e.document_id), e.start_char, e.end_char) : e.evidence),
      e.trace && e.trace.length ? why(e.trace, e.rule) : null))));
  say("");
}

// ------------------------------------------------------------------ actor

async function actorPage(id) {
  say("loading…");
  const a = await api(`/api/actors/${encodeURIComponent(id)}`);
  const section = (title, rows, partnerLabel) => [
    h("h2", {}, `${title} (${rows.length})`),
    rows.length ? h("table", {},
      h("tr", {}, h("th", {}, partnerLabel), h("th", {}, "item"), h("th", {}, "status"), h("th", {}, "reported"), h("th", {}, "documents"), h("th", {}, "")),
      rows.map((r) => h("tr", {},
        h("td", {}, actorLink(r.partner)), h("td", {}, r.designation ? `${r.designation} (${r.item})` : r.item || ""),
        h("td", {}, badge(r.status)), h("td", {}, `${r.first_reported} … ${r.last_reported}`), h("td", {}, r.n_documents),
        h("td", {}, h("a", { href: `#/record/${r.record_id}` }, "record")))))
      : h("p", { class: "muted" }, "none"),
  ];
  show(
    h("h1", {}, a.id),
    h("p", {}, h("a", { href: `#/?actor=${encodeURIComponent(a.id)}` }, "show in the network")),
    section("Supplies", a.supplies, "to"),
    section("Receives", a.receives, "from"),
    section("Imposes sanctions", a.imposes, "on"),
    section("Sanctioned by", a.sanctioned_by, "by"));
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
        h("td", {}, e.record_id ? h("a", { href: `#/record/${e.record_id}` }, who) : who,
          e.trace && e.trace.length ? why(e.trace, e.rule) : null),
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
  for (const a of document.querySelectorAll("nav a[data-page]")) {
    a.classList.toggle("active", a.dataset.page === page || (page === "document" && a.dataset.page === "documents"));
  }
  try {
    if (page === "network") await networkPage(query);
    else if (page === "record" && parts[1]) await recordPage(parts[1]);
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
route();
