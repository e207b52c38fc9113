// The screening page (#/screen): a counterparty against the loaded sanctions lists, through POST /api/screen.
// Each hit shows its score, which list name it matched and why, an analyst's decision on it, and what the
// knowledge base reports about the entity's state or group. Uses app.js's helpers (h, api, show, actorLink).
"use strict";

function screenHit(hit) {
  const ex = hit.explanation;
  const features = ex.features.map((f) => h("li", {}, `${f.feature}: ${f.result} (${f.effect >= 0 ? "+" : ""}${f.effect.toFixed(2)})`));
  const d = hit.decision;
  const decision = d ? h("p", { class: d.reopened ? "error" : "muted" },
    `decision: ${d.decision} by ${d.by} on ${d.at.slice(0, 10)}` + (d.why ? ` (${d.why})` : "") + (d.reopened ? " — re-opened: the entity changed since" : "")) : null;
  const context = hit.context.map((c) => h("div", {},
    h("p", {}, "Reported about ", actorLink(c.actor), ":"),
    h("ul", {},
      c.supplies.slice(0, 5).map((r) => h("li", {}, `supplies ${r.partner}: ${r.item} `, badge(r.status), " ", h("a", { href: `#/record/${encodeURIComponent(r.record_id)}` }, `${r.n_documents} source(s)`))),
      c.receives.slice(0, 5).map((r) => h("li", {}, `receives from ${r.partner}: ${r.item} `, badge(r.status), " ", h("a", { href: `#/record/${encodeURIComponent(r.record_id)}` }, `${r.n_documents} source(s)`))),
      c.sanctioned_by.slice(0, 5).map((r) => h("li", {}, `sanctioned by ${r.partner} `, badge(r.status))))));
  return h("div", { class: "panel screen-hit", "data-entity": `${hit.list}/${hit.id}` },
    h("h3", {}, `${hit.alert ? "ALERT " : ""}${hit.score.toFixed(2)} — ${hit.name}`),
    h("p", { class: "muted" }, `${hit.list} / ${hit.id} · ${hit.schema}` + (hit.programs.length ? ` · ${hit.programs.join(", ")}` : "")),
    h("p", {}, `name ${ex.name_score.toFixed(2)}: “${ex.query_name}” ~ “${ex.matched_name}”`),
    features.length ? h("ul", {}, features) : null, decision, context);
}

function screenPage(parts, query) {
  const q = params(query);
  const field = (id, label, value) => h("label", {}, label, " ", h("input", { id, value: value || "" }));
  const form = h("form", { id: "screen-form" },
    field("screen-name", "Name", q.get("name")), " ", field("screen-country", "Country (ISO3)", q.get("country")), " ",
    field("screen-dob", "Birth date", q.get("dob")), " ", field("screen-id", "Identifier (kind:value)", q.get("id")), " ",
    h("label", {}, h("input", { id: "screen-all", type: "checkbox" }), " all hits"), " ",
    h("button", { id: "screen-run", type: "submit" }, "Screen"));
  const out = h("div", { id: "screen-result" });
  const run = async (event) => {
    if (event) event.preventDefault();
    const value = (id) => document.getElementById(id).value.trim();
    const body = { name: value("screen-name"), all: document.getElementById("screen-all").checked };
    if (value("screen-country")) body.country = value("screen-country");
    if (value("screen-dob")) body.dob = value("screen-dob");
    if (value("screen-id")) body.ids = [value("screen-id")];
    out.replaceChildren(h("p", { class: "muted" }, "screening…"));
    try {
      const r = await api("/api/screen", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const lists = r.lists.length ? r.lists.map((l) => `${l.name} (${l.entities}${l.stale ? ", stale" : ""})`).join(", ") : "none loaded";
      out.replaceChildren(
        h("p", {}, `${r.alerts} alert(s) for “${r.query.name}” — lists: ${lists}; ${r.algorithm}, threshold ${r.threshold}`),
        ...r.hits.map(screenHit));
    } catch (err) {
      out.replaceChildren(h("p", { class: "error" }, String(err.message || err)));
    }
  };
  form.addEventListener("submit", run);
  show(h("h1", {}, "Screen a counterparty"),
    h("p", { class: "muted" }, "Against the sanctions lists loaded with 'armsflow lists load'. Nothing is stored."),
    form, out);
  if (q.get("name")) run();
}

armsflowPage("screen", screenPage);
if ((location.hash.slice(1) || "/").split("?")[0].split("/")[1] === "screen") route();  // opened at #/screen
