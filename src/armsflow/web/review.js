// Review in the browser: judge a record on its page (right/wrong, swap, correct, merge, split) and work through
// the review queue. Everything goes through the review API (POST /api/judgements); the token, when the server
// has one, is asked for once and kept for this browser tab only (sessionStorage).
"use strict";

const ITEM_CHOICES = [
  "combat-aircraft", "helicopter", "other-aircraft", "uav", "ballistic-missile", "cruise-missile",
  "anti-tank-weapon", "other-missile", "guided-bomb", "air-defence-system", "artillery",
  "artillery-ammunition", "ammunition", "armoured-vehicle", "ship", "sensor", "small-arms",
  "space-technology", "technology", "military-equipment", "personnel",
];

function reviewer() { return sessionStorage.getItem("armsflow-by") || "web"; }

// POST a judgement; on 401 ask for the token once (kept for the tab) and try again.
async function sendJudgement(body) {
  const post = () => {
    const headers = { "Content-Type": "application/json" };
    const token = sessionStorage.getItem("armsflow-token");
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetch("/api/judgements", { method: "POST", headers, body: JSON.stringify({ by: reviewer(), ...body }) });
  };
  let answer = await post();
  if (answer.status === 401) {
    const token = await askToken();
    if (!token) throw new Error("a token is needed to judge (ARMSFLOW_TOKEN of the server)");
    sessionStorage.setItem("armsflow-token", token);
    answer = await post();
    if (answer.status === 401) sessionStorage.removeItem("armsflow-token");
  }
  const out = await answer.json().catch(() => null);
  if (!answer.ok) throw new Error((out && out.error) || `${answer.status} ${answer.statusText}`);
  return out;
}

// The token form: one field in the page (no prompt(), which a test browser and some users block).
function askToken() {
  return new Promise((resolve) => {
    const input = h("input", { type: "password", id: "token-input", placeholder: "token", autocomplete: "off" });
    const box = h("form", { id: "token-form", class: "token-form" },
      h("label", {}, "This server needs a token to write (asked once per tab): ", input), " ",
      h("button", { type: "submit" }, "Use token"));
    box.addEventListener("submit", (ev) => { ev.preventDefault(); box.remove(); resolve(input.value.trim()); });
    (document.getElementById("review-panel") || app).prepend(box);
    input.focus();
  });
}

// After a judgement: the record again, or where its events went when it is no more (merged away, rejected).
function afterJudgement(recordId, out, note) {
  const stays = !out.records || out.records.includes(recordId);
  sessionStorage.setItem("armsflow-note", note);
  const next = stays ? recordId : out.records[0];
  if (next && `#/record/${next}` !== location.hash) location.hash = `#/record/${next}`;
  else if (next) route();
  else { location.hash = "#/queue"; }
}

function reviewPanel(r) {
  const transfer = r.type === "transfer";
  const note = sessionStorage.getItem("armsflow-note");
  sessionStorage.removeItem("armsflow-note");
  const message = h("p", { id: "review-message", class: "muted", "aria-live": "polite" }, note || "");
  const act = (label, body, cls) => h("button", { type: "button", class: cls || "", "data-action": body.action, onclick: async () => {
    message.textContent = "saving…";
    try {
      const out = await sendJudgement(body);
      afterJudgement(r.id, out, `${label}: saved (judgement ${out.id}).`);
    } catch (err) {
      message.textContent = String(err.message || err);
      message.className = "error";
    }
  } }, label);
  const item = h("select", { id: "correct-item" }, h("option", { value: "" }, "item…"), ITEM_CHOICES.map((c) => h("option", { value: c }, c)));
  const status = h("select", { id: "correct-status" }, h("option", { value: "" }, "status…"),
    (transfer ? STATUSES : ["imposed", "planned", "considered", "lifted"]).map((c) => h("option", { value: c }, c)));
  const designation = h("input", { id: "correct-designation", placeholder: "designation", size: 14 });
  const mergeWith = h("input", { id: "merge-with", placeholder: "other record id(s)", size: 22 });
  const by = h("input", { id: "review-by", value: reviewer(), size: 10, onchange: () => sessionStorage.setItem("armsflow-by", by.value.trim() || "web") });
  const correction = () => {
    const changes = {};
    if (item.value) changes.item = item.value;
    if (status.value) changes.status = status.value;
    if (designation.value.trim()) changes.designation = designation.value.trim();
    return changes;
  };
  const correct = h("button", { type: "button", "data-action": "correct", onclick: async () => {
    const changes = correction();
    if (!Object.keys(changes).length) { message.textContent = "choose an item, a status or a designation first"; return; }
    try {
      const out = await sendJudgement({ action: "correct", ids: [r.id], changes });
      afterJudgement(r.id, out, `Corrected ${Object.entries(changes).map(([k, v]) => `${k} → ${v}`).join(", ")} (judgement ${out.id}).`);
    } catch (err) { message.textContent = String(err.message || err); message.className = "error"; }
  } }, "Correct");
  const merge = h("button", { type: "button", "data-action": "merge", onclick: async () => {
    const others = mergeWith.value.split(/[\s,]+/).filter(Boolean);
    if (!others.length) { message.textContent = "name the record(s) to merge into this one"; return; }
    try {
      const out = await sendJudgement({ action: "merge", ids: [r.id, ...others] });
      afterJudgement(r.id, out, `Merged ${others.join(", ")} into this record (judgement ${out.id}).`);
    } catch (err) { message.textContent = String(err.message || err); message.className = "error"; }
  } }, "Merge into this");
  const split = h("button", { type: "button", "data-action": "split", onclick: async () => {
    const picked = [...document.querySelectorAll("#evidence input.split-pick:checked")].map((c) => c.value);
    if (!picked.length) { message.textContent = "tick the events that form a record of their own"; return; }
    try {
      const out = await sendJudgement({ action: "split", ids: [r.id], events: picked });
      const moved = (out.records || []).filter((id) => id !== r.id);
      afterJudgement(r.id, { records: [r.id] }, `Split ${picked.length} event(s) into ${moved.join(", ") || "a record of their own"} (judgement ${out.id}).`);
    } catch (err) { message.textContent = String(err.message || err); message.className = "error"; }
  } }, "Split ticked events off");
  return h("section", { id: "review-panel", class: "panel review-panel" },
    h("h2", {}, "Review", r.review ? judgedMark(r.review) : null),
    h("p", {}, act("Right", { action: "accept", ids: [r.id] }, "ok"), " ", act("Wrong", { action: "reject", ids: [r.id] }, "bad"), " ",
      transfer ? act("Swap direction", { action: "swap", ids: [r.id] }) : null, " ", h("label", {}, "as ", by)),
    h("p", {}, transfer ? [item, " ", designation, " "] : null, status, " ", correct),
    h("p", {}, mergeWith, " ", merge, " ", split),
    message);
}
window.reviewPanel = reviewPanel;

armsflowPage("queue", async (parts, query) => {
  const q = params(query);
  say("loading…");
  const limit = 50, offset = Number(q.get("offset") || 0);
  const data = await api(`/api/review/queue?limit=${limit}&offset=${offset}`);
  const quick = (rec, action, label) => h("button", { type: "button", class: action === "accept" ? "ok" : "bad", "data-action": action, onclick: async (ev) => {
    const row = ev.target.closest("tr");
    try {
      await sendJudgement({ action, ids: [rec.id] });
      row.classList.add("done");
      row.querySelector(".state").replaceChildren(judgedMark(action === "accept" ? "accepted" : "rejected"));
    } catch (err) { row.querySelector(".state").textContent = String(err.message || err); }
  } }, label);
  show(h("h1", {}, "Review queue"),
    h("p", { class: "muted" }, `${data.total} records with events nobody has judged yet, the most in need of a human first.`),
    h("table", { id: "queue" },
      h("tr", {}, h("th", {}, "record"), h("th", {}, "status"), h("th", {}, "why"), h("th", {}, "need"), h("th", {}, "")),
      data.items.map((rec) => h("tr", { "data-record": rec.id },
        h("td", {}, h("a", { href: `#/record/${rec.id}` }, rec.type === "transfer"
          ? `${actorName(rec.supplier)} → ${actorName(rec.recipient)}: ${rec.designation ? rec.designation + " " : ""}${rec.item}`
          : `${actorName(rec.imposer)} sanctions ${actorName(rec.target)}`), judgedMark(rec.review)),
        h("td", {}, badge(rec.status)), h("td", {}, rec.why || ""), h("td", {}, rec.need.toFixed(2)),
        h("td", {}, quick(rec, "accept", "Right"), " ", quick(rec, "reject", "Wrong"), h("span", { class: "state" }))))),
    h("p", {}, offset > 0 ? h("a", { href: `#/queue?offset=${Math.max(0, offset - limit)}` }, "← previous") : null, " ",
      offset + limit < data.total ? h("a", { href: `#/queue?offset=${offset + limit}` }, "next →") : null));
  say("");
});
