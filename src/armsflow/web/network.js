// The network, its timeline and the map: drawn with D3 (served from the mpld3 package, see /api/assets).
// Loaded after app.js; registers its pages with armsflowPage(). Edges are aggregated per supplier →
// recipient pair (count, status colours) and open into their records; labels never overlap: the layout keeps
// nodes apart by their label boxes and a final pass hides any label that would still touch another
// (it shows on hover), so what is drawn can be read.
"use strict";

const STATUS_ORDER = ["delivered", "agreed", "planned", "considered", "requested", "denied", "refused"];

// Records per ordered pair: the edge carries how many, which statuses, the most frequent status colours it.
function aggregate(edges) {
  const pairs = new Map();
  for (const e of edges) {
    const key = `${e.source}>${e.target}`;
    if (!pairs.has(key)) pairs.set(key, { key, source: e.source, target: e.target, records: [], statuses: {} });
    const p = pairs.get(key);
    p.records.push(e);
    p.statuses[e.status] = (p.statuses[e.status] || 0) + 1;
  }
  for (const p of pairs.values()) {
    p.count = p.records.length;
    p.status = Object.keys(p.statuses).sort((a, b) => (p.statuses[b] - p.statuses[a]) || (STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b)))[0];
    p.judged = p.records.some((r) => r.review);
  }
  return [...pairs.values()];
}

function statusSummary(statuses) {
  return STATUS_ORDER.filter((s) => statuses[s]).map((s) => `${statuses[s]} ${s}`).join(", ");
}

// Two rendered boxes (DOMRect: left, right, top, bottom) share any area.
function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

// Hide every label that touches one already kept, most important first: the survivors never overlap.
function declutter(labels) {
  const kept = [];
  for (const l of labels.sort((a, b) => b.weight - a.weight)) {
    const box = l.box();
    const clash = kept.some((k) => overlaps(k, box));
    l.el.classList.toggle("label-hidden", clash);
    if (!clash) kept.push(box);
  }
  return kept.length;
}

// The pair's records, opened from a click on its edge.
function pairPanel(pair) {
  const panel = document.getElementById("pair-panel");
  if (!panel) return;
  panel.replaceChildren(
    h("h2", {}, actorLink(pair.source), " → ", actorLink(pair.target), ` (${pair.count})`),
    h("p", { class: "muted" }, statusSummary(pair.statuses)),
    h("ul", { class: "pair-records" }, pair.records.map((r) => h("li", {},
      badge(r.status), " ", h("a", { href: `#/record/${r.id}` }, r.designation ? `${r.designation} (${r.item})` : r.item),
      ` · ${r.first_reported} … ${r.last_reported} · ${r.n_documents} doc.`, judgedMark(r.review)))));
  panel.hidden = false;
}

function drawNetwork(data, width, height) {
  const pairs = aggregate(data.edges);
  const nodes = data.nodes.map((n) => ({ ...n, name: actorName(n.id, n) }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links = pairs.map((p) => ({ ...p, source: p.source, target: p.target }));
  const svg = d3.create ? d3.create("svg") : d3.select(document.createElementNS(SVG, "svg"));
  svg.attr("class", "network").attr("role", "img").attr("aria-label", "transfer network");
  const defs = svg.append("defs");
  for (const [status, colour] of Object.entries(COLOURS)) {
    defs.append("marker").attr("id", `arrow-${status}`).attr("viewBox", "0 0 10 10").attr("refX", 9).attr("refY", 5)
      .attr("markerUnits", "userSpaceOnUse").attr("markerWidth", 10).attr("markerHeight", 10).attr("orient", "auto")
      .append("path").attr("d", "M 0 0 L 10 5 L 0 10 z").attr("fill", colour);
  }
  const world = svg.append("g").attr("class", "world");
  const edgeLayer = world.append("g");
  const countLayer = world.append("g");
  const nodeLayer = world.append("g");
  // node boxes first: their size (from the rendered text) drives the collision force
  const node = nodeLayer.selectAll("g.node").data(nodes).enter().append("g").attr("class", "node")
    .attr("data-actor", (d) => d.id).attr("tabindex", 0);
  node.append("title").text((d) => `${d.id}: ${d.name} — supplies ${d.supplies}, receives ${d.receives}`);
  node.append("rect").attr("rx", 9);
  node.append("text").attr("class", "node-label").attr("text-anchor", "middle").attr("dy", "0.35em").text((d) => d.name);
  return { svg, world, edgeLayer, countLayer, node, nodes, links, byId, width, height };
}

function layoutNetwork(net) {
  const { node, nodes, links, width, height } = net;
  node.each(function (d) {
    const t = this.querySelector("text").getBBox();
    d.w = t.width + 12; d.h = t.height + 6;
    d3.select(this).select("rect").attr("x", -d.w / 2).attr("y", -d.h / 2).attr("width", d.w).attr("height", d.h);
  });
  const degree = new Map();
  for (const l of links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) || 0) + l.count);
  for (const d of nodes) d.weight = degree.get(d.id) || 0;
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links.map((l) => ({ source: l.source, target: l.target }))).id((d) => d.id).distance(90).strength(0.05))
    .force("charge", d3.forceManyBody().strength(-260))
    .force("collide", d3.forceCollide((d) => Math.hypot(d.w, d.h) / 2 + 4).strength(1).iterations(4))
    .force("x", d3.forceX(width / 2).strength(0.06)) // pulls pairs linked only to each other in from the corners
    .force("y", d3.forceY(height / 2).strength(0.08))
    .stop();
  const ticks = Math.min(400, 120 + 4 * nodes.length);
  for (let i = 0; i < ticks; i++) sim.tick();
}

function renderEdges(net) {
  const { edgeLayer, countLayer, links, byId } = net;
  const reverse = new Set(links.map((l) => `${l.source}>${l.target}`));
  const maxCount = Math.max(1, ...links.map((l) => l.count));
  const path = (l) => {
    const a = byId.get(l.source), b = byId.get(l.target);
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
    const bend = reverse.has(`${l.target}>${l.source}`) ? 0.12 * d : 0; // both directions: two arcs
    const mx = (a.x + b.x) / 2 - (dy / d) * bend, my = (a.y + b.y) / 2 + (dx / d) * bend;
    // end at the target's box, not its centre, so the arrow head shows
    const ex = b.x - mx, ey = b.y - my, el = Math.max(Math.hypot(ex, ey), 1);
    const cut = Math.min(Math.abs((b.w / 2 + 3) / (ex / el || 1e-9)), Math.abs((b.h / 2 + 3) / (ey / el || 1e-9)));
    const tx = b.x - (ex / el) * cut, ty = b.y - (ey / el) * cut;
    l.mid = { x: (a.x + 2 * mx + tx) / 4, y: (a.y + 2 * my + ty) / 4 };
    return `M ${a.x} ${a.y} Q ${mx} ${my} ${tx} ${ty}`;
  };
  const edge = edgeLayer.selectAll("path.edge").data(links).enter().append("path").attr("class", "edge")
    .attr("d", path).attr("stroke", (l) => COLOURS[l.status] || "#888")
    .attr("stroke-width", (l) => 1.2 + 4 * Math.sqrt(l.count / maxCount))
    .attr("stroke-opacity", links.length > 150 ? 0.35 : null) // many pairs: fainter, so names and counts stay readable
    .attr("marker-end", (l) => `url(#arrow-${l.status})`)
    .attr("data-source", (l) => l.source).attr("data-target", (l) => l.target).attr("data-count", (l) => l.count)
    .attr("data-status", (l) => l.status).attr("data-items", (l) => [...new Set(l.records.map((r) => r.item))].join(" "))
    .attr("data-records", (l) => l.records.map((r) => r.id).join(" ")).attr("tabindex", 0)
    .classed("judged", (l) => l.judged);
  edge.append("title").text((l) => `${actorName(l.source)} → ${actorName(l.target)} (${l.source} → ${l.target}): ${l.count} record(s): ${statusSummary(l.statuses)}`);
  edge.on("click", (l) => pairPanel(l)).on("keydown", (l) => { if (d3.event.key === "Enter") pairPanel(l); });
  countLayer.selectAll("text.edge-count").data(links.filter((l) => l.count > 1)).enter().append("text")
    .attr("class", "edge-count").attr("text-anchor", "middle").attr("dy", "0.35em")
    .attr("x", (l) => l.mid.x).attr("y", (l) => l.mid.y).text((l) => l.count);
}

function networkSvg(data) {
  const width = 1100, height = 700;
  const net = drawNetwork(data, width, height);
  // measured while attached (getBBox needs layout), then laid out, drawn and fitted into view
  const holder = document.getElementById("network-holder");
  holder.replaceChildren(net.svg.node());
  layoutNetwork(net);
  net.node.attr("transform", (d) => `translate(${d.x},${d.y})`)
    .on("click", (d) => { location.hash = `#/actor/${encodeURIComponent(d.id)}`; })
    .on("keydown", (d) => { if (d3.event.key === "Enter") location.hash = `#/actor/${encodeURIComponent(d.id)}`; });
  renderEdges(net);
  const xs = net.nodes.map((d) => [d.x - d.w / 2, d.x + d.w / 2]).flat(), ys = net.nodes.map((d) => [d.y - d.h / 2, d.y + d.h / 2]).flat();
  const box = { x: Math.min(...xs) - 20, y: Math.min(...ys) - 20 };
  box.w = Math.max(...xs) + 20 - box.x; box.h = Math.max(...ys) + 20 - box.y;
  net.svg.attr("viewBox", `${box.x} ${box.y} ${box.w} ${box.h}`);
  const zoom = d3.zoom().scaleExtent([0.3, 8]).on("zoom", () => {
    net.world.attr("transform", d3.event.transform);
    relabel(net);
  });
  net.svg.call(zoom).on("dblclick.zoom", null);
  net.zoom = zoom;
  relabel(net);
  return net;
}

// Which labels show at this zoom: every node label that fits, then edge counts where there is room.
function relabel(net) {
  const labels = [];
  net.node.each(function (d) {
    const text = this.querySelector("text");
    labels.push({ el: text, weight: 1e6 + d.weight, box: () => text.getBoundingClientRect() });
  });
  net.countLayer.selectAll("text.edge-count").each(function (l) {
    labels.push({ el: this, weight: l.count, box: () => this.getBoundingClientRect() });
  });
  for (const l of labels) l.el.classList.remove("label-hidden");
  const rects = labels.map((l) => ({ ...l, rect: l.box() }));
  declutter(rects.map((l) => ({ el: l.el, weight: l.weight, box: () => l.rect })));
}

// ------------------------------------------------------------------ timeline

// Every month from first to last ("2024-11", "2024-12", "2025-01", …): a month without reports is a gap.
function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

function drawTimeline(rows, totals, holder) {
  if (!rows.length) { holder.replaceChildren(h("p", { class: "muted" }, "No reports in this period.")); return; }
  const months = monthsBetween(d3.min(rows, (r) => r.month), d3.max(rows, (r) => r.month)); // quiet months too
  const statuses = STATUS_ORDER.filter((s) => rows.some((r) => r.status === s)).concat(
    [...new Set(rows.map((r) => r.status))].filter((s) => !STATUS_ORDER.includes(s)));
  const table = months.map((m) => {
    const row = { month: m, documents: (totals.find((t) => t.month === m) || { documents: 0 }).documents };
    for (const s of statuses) row[s] = 0;
    for (const r of rows.filter((x) => x.month === m)) row[r.status] = r.records;
    return row;
  });
  const width = 1000, height = 220, left = 40, bottom = 40, top = 10;
  const x = d3.scaleBand().domain(months).range([left, width - 10]).padding(0.15);
  const stacked = d3.stack().keys(statuses)(table);
  const most = Math.max(1, d3.max(stacked, (layer) => d3.max(layer, (d) => d[1])), d3.max(table, (d) => d.documents));
  const y = d3.scaleLinear().domain([0, most]).nice().range([height - bottom, top]);
  const svg = d3.select(document.createElementNS(SVG, "svg")).attr("class", "months").attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "img").attr("aria-label", "records and documents per month by status");
  svg.append("g").selectAll("g").data(stacked).enter().append("g").attr("fill", (layer) => COLOURS[layer.key] || "#888")
    .attr("data-status", (layer) => layer.key)
    .selectAll("rect").data((layer) => layer.map((d) => ({ ...d, key: layer.key }))).enter().append("rect")
    .filter((d) => d[1] > d[0])
    .attr("class", "bar").attr("x", (d) => x(d.data.month)).attr("width", x.bandwidth())
    .attr("y", (d) => y(d[1])).attr("height", (d) => y(d[0]) - y(d[1]))
    .attr("data-month", (d) => d.data.month).attr("data-records", (d) => d[1] - d[0])
    .append("title").text((d) => `${d.data.month}: ${d[1] - d[0]} ${d.key} record(s)`);
  const line = d3.line().x((d) => x(d.month) + x.bandwidth() / 2).y((d) => y(d.documents));
  svg.append("path").attr("class", "documents-line").attr("d", line(table));
  svg.append("g").selectAll("circle").data(table).enter().append("circle").attr("class", "documents-dot")
    .attr("cx", (d) => x(d.month) + x.bandwidth() / 2).attr("cy", (d) => y(d.documents)).attr("r", 3)
    .attr("data-month", (d) => d.month).attr("data-documents", (d) => d.documents)
    .append("title").text((d) => `${d.month}: ${d.documents} document(s)`);
  const step = Math.ceil(months.length / 14); // at most 14 month labels: they never crowd
  svg.append("g").attr("transform", `translate(0,${height - bottom})`)
    .call(d3.axisBottom(x).tickValues(months.filter((_, i) => i % step === 0)));
  svg.append("g").attr("transform", `translate(${left},0)`).call(d3.axisLeft(y).ticks(5));
  svg.append("text").attr("x", left + 4).attr("y", top + 4).attr("class", "axis-note").text("records (bars) and documents (line) per month");
  const legend = h("p", { class: "legend" }, statuses.map((s) => h("span", {}, h("span", { class: "swatch", style: `background:${COLOURS[s] || "#888"}` }), s)),
    h("span", {}, h("span", { class: "swatch line" }), "documents"));
  holder.replaceChildren(svg.node(), legend);
}

async function timelineInto(holder, query) {
  const q = params(query);
  const keep = new URLSearchParams();
  for (const k of ["actor", "item", "status", "since", "until", "min_confidence"]) if (q.get(k)) keep.set(k, q.get(k));
  const answer = await api(`/api/timeline?${keep}`);
  drawTimeline(answer.items, answer.months, holder);
}
window.timelineInto = timelineInto;

// ------------------------------------------------------------------ pages

armsflowPage("network", async (parts, query) => {
  const q = params(query);
  say("loading…");
  const wanted = new URLSearchParams(q);
  wanted.set("limit", q.get("limit") || "1000");
  const [data] = await Promise.all([api(`/api/network?${wanted}`), loadNames()]);
  const legend = h("p", { class: "legend" }, STATUS_ORDER.map((k) =>
    h("span", {}, h("span", { class: "swatch", style: `background:${COLOURS[k]}` }), k)));
  const pairs = aggregate(data.edges).length;
  show(
    h("h1", {}, "Who arms whom"),
    filterForm(q, (out) => { location.hash = `#/?${out}`; }),
    legend,
    data.edges.length ? h("div", { class: "network-wrap" }, h("div", { id: "network-holder" }), h("aside", { id: "pair-panel", class: "panel", hidden: true }))
      : h("p", { class: "muted" }, "No transfer records match these filters."),
    h("p", { class: "muted", id: "network-summary" }, `${data.nodes.length} actors, ${data.edges.length} of ${data.total} transfer records in ${pairs} supplier → recipient pairs. `,
      "Scroll to zoom, drag to pan; click an arrow for its records, a name for the actor; hover for codes."),
    h("h2", {}, "Reports per month"),
    h("div", { id: "timeline-chart" }),
    h("p", {}, h("a", { href: `#/map?${q}` }, "These records on the map")));
  if (data.edges.length) networkSvg(data);
  await timelineInto(document.getElementById("timeline-chart"), query);
  say("");
});

armsflowPage("map", async (parts, query) => {
  const q = params(query);
  say("loading…");
  const wanted = new URLSearchParams(q);
  wanted.set("limit", "1000");
  const [data, shapes] = await Promise.all([api(`/api/network?${wanted}`), fetch("/vendor/worldmap.svg").then((r) => r.text()), loadNames()]);
  const doc = new DOMParser().parseFromString(shapes, "image/svg+xml");
  const svg = document.importNode(doc.documentElement, true);
  for (const m of svg.querySelectorAll("metadata")) m.remove();
  svg.setAttribute("class", "worldmap");
  svg.removeAttribute("width"); svg.removeAttribute("height");
  const iso = new Map(data.nodes.map((n) => [n.id, n.iso2]));
  const pairs = aggregate(data.edges);
  const holder = h("div", { id: "map-holder" }, svg);
  const off = pairs.filter((p) => !iso.get(p.source) || !iso.get(p.target));
  show(h("h1", {}, "Supplier → recipient flows"),
    filterForm(q, (out) => { location.hash = `#/map?${out}`; }),
    holder,
    h("p", { class: "muted", id: "map-summary" }, `${pairs.length - off.length} flows between states drawn; `,
      off.length ? `${off.length} involving groups without a country (${[...new Set(off.flatMap((p) => [p.source, p.target]).filter((a) => !iso.get(a)))].map((a) => actorName(a)).join(", ")}) are in the network only.` : "none left out.",
      " Country shapes: pygal's world map (see /api/assets)."));
  const centre = (code) => {
    const g = svg.querySelector(`g.${code}.country`);
    if (!g) return null;
    const b = g.getBBox();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  };
  const layer = d3.select(svg).append("g").attr("class", "flows");
  for (const p of pairs) {
    const a = centre(iso.get(p.source)), b = centre(iso.get(p.target));
    if (!a || !b) continue;
    for (const code of [iso.get(p.source), iso.get(p.target)]) svg.querySelector(`g.${code}.country`).classList.add("involved");
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
    const mx = (a.x + b.x) / 2 - (dy / d) * d * 0.2, my = (a.y + b.y) / 2 + (dx / d) * d * 0.2;
    layer.append("path").attr("class", "flow").attr("d", `M ${a.x} ${a.y} Q ${mx} ${my} ${b.x} ${b.y}`)
      .attr("stroke", COLOURS[p.status] || "#888").attr("stroke-width", 1.5 + Math.sqrt(p.count) * 1.5)
      .attr("data-source", p.source).attr("data-target", p.target).attr("data-count", p.count)
      .on("click", () => { location.hash = `#/?actor=${encodeURIComponent(p.source)}`; })
      .append("title").text(`${actorName(p.source)} → ${actorName(p.target)}: ${p.count} record(s), ${statusSummary(p.statuses)}`);
  }
  say("");
});
