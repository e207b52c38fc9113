"""Review judgements: an analyst says which events and records are right or wrong, and corrects them.

Machine output is wrong often enough (a swapped direction, a false actor, two
deals merged into one) that an analyst must be able to say so and have it
stick. A *judgement* is who, when, why and what:

- ``accept`` / ``reject``: the events (or every event of a record) are right / wrong;
  rejected events leave their record and its counts, a record whose events are
  all rejected leaves every list, network and export;
- ``correct``: set fields (supplier, recipient, item, designation, status,
  quantity; imposer, target, status for sanctions); ``swap`` is a correction
  of supplier and recipient to each other's value;
- ``merge``: several records are one transfer: their events form the first
  record (its id and fields);
- ``split``: some events of a record are another transfer: they form a record
  of their own.

Judgements are stored against the *events* they cover (event ids are hashes
of the document and the event's key, so they survive re-ingest, ``merge``
and any change of how records are keyed), never against record keys. The
stored event rows hold the judged values (what the extractor said is kept in
``extracted``), and records are derived from those rows — so records stay a
pure function of events plus judgements: :func:`reapply` recomputes every
judged event from its extracted values and its judgements in the order they
were made, and ``armsflow merge`` runs it before rebuilding the records.
A judgement is never deleted; ``undo`` withdraws it (who, when).
"""

from __future__ import annotations

import json
import math
import os
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from armsflow.model import ITEM_CATEGORIES, SANCTION_STATUSES, TRANSFER_STATUSES
from armsflow.query import QueryError, actor_id
from armsflow.records import PINNED, group_id, record_id, record_key

if TYPE_CHECKING:
    from armsflow.store import Store

ACTIONS = ("accept", "reject", "correct", "swap", "merge", "split")
FIELDS = {
    "transfer": ("supplier", "recipient", "item", "designation", "status", "quantity"),
    "sanction": ("imposer", "target", "status"),
}
_ALL_FIELDS = ("supplier", "recipient", "item", "designation", "status", "quantity", "imposer", "target")
_UNJUDGED = ("optional", "keep", "omit")


class ReviewError(QueryError):
    """A judgement armsflow cannot take (unknown id, field or value); the message names it."""


@dataclass(slots=True)
class Judgement:
    id: str
    created_at: str
    author: str
    action: str
    scope: str
    events: list[str]
    reason: str | None = None
    record_id: str | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    group_id: str | None = None


# --------------------------------------------------------------------------- the pure part


def apply(raw: dict[str, Any], judgements: Sequence[Judgement]) -> tuple[dict[str, Any], str | None, str | None]:
    """An event's judged fields, its verdict and its assigned record (None: its key decides).

    ``raw`` is what the extractor said; ``judgements`` apply in the order they were made, so a
    later one overrides an earlier one on what both decide. The verdict is ``rejected`` or
    ``accepted`` by the latest accept/reject, ``corrected`` when a correction changed a field
    (a correction also says the corrected event is right).
    """
    values = {name: raw.get(name) for name in _ALL_FIELDS}
    verdict: str | None = None
    group: str | None = None
    for j in sorted(judgements, key=lambda j: (j.created_at, j.id)):
        if j.action == "accept":
            verdict = "accepted"
        elif j.action == "reject":
            verdict = "rejected"
        elif j.action in ("correct", "swap"):
            values.update(j.changes)
            verdict = "accepted"
        elif j.action in ("merge", "split"):
            group = j.group_id
    if verdict == "accepted" and any(values[n] != raw.get(n) for n in _ALL_FIELDS):
        verdict = "corrected"
    return values, verdict, group


def assigned_group(values: dict[str, Any], event_type: str, pin: str | None) -> str:
    """The group an event is merged in: the record a judged merge or split pinned it to, else the group of
    its (judged) key, which :func:`armsflow.records.deals` splits into deals."""
    return PINNED + pin if pin else group_id(record_key({"type": event_type, **values}))


# --------------------------------------------------------------------------- applying to the store

_EVENT_COLUMNS = (
    "id, type, record_id, record_group, supplier, recipient, item, designation, status, quantity, imposer, target, "
    "review, extracted, judgements"
)


def _load_judgements(store: Store, event_ids: Sequence[str]) -> dict[str, list[Judgement]]:
    """The judgements in force (not withdrawn) on each of these events."""
    out: dict[str, list[Judgement]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = list(event_ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        rows = store.fetchall(
            "SELECT je.event_id, j.* FROM judgement_events je JOIN judgements j ON j.id = je.judgement_id "
            f"WHERE je.event_id IN ({marks}) AND j.withdrawn_at IS NULL",
            chunk,
        )
        for row in rows:
            out.setdefault(row["event_id"], []).append(_judgement(row, []))
    return out


def _judgement(row: dict[str, Any], events: list[str]) -> Judgement:
    return Judgement(
        id=row["id"],
        created_at=row["created_at"],
        author=row["author"],
        action=row["action"],
        scope=row["scope"],
        events=events,
        reason=row["reason"],
        record_id=row["record_id"],
        changes=json.loads(row["changes"]) if row["changes"] else {},
        group_id=row["group_id"],
    )


def reapply(store: Store, event_ids: Iterable[str] | None = None) -> set[str]:
    """Recompute judged events from what was extracted plus their judgements; the groups touched
    (``store._refresh`` recomputes their records).

    Without ``event_ids``: every event that has a judgement or carries a judged state (one whose
    judgements were withdrawn goes back to what was extracted). Call inside ``store.write()``.
    """
    if event_ids is None:
        rows = store.fetchall(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE review IS NOT NULL OR extracted IS NOT NULL "
            "OR judgements IS NOT NULL OR id IN (SELECT event_id FROM judgement_events)"
        )
    else:
        wanted = sorted(set(event_ids))
        rows = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows += store.fetchall(
                f"SELECT {_EVENT_COLUMNS} FROM events WHERE id IN ({', '.join('?' for _ in chunk)})", chunk
            )
    judged = _load_judgements(store, [r["id"] for r in rows])
    touched: set[str] = set()
    updates = []
    for row in rows:
        extracted = json.loads(row["extracted"]) if row["extracted"] else {}
        raw = {name: extracted.get(name, row[name]) for name in _ALL_FIELDS}
        found = judged.get(row["id"], [])
        values, verdict, group = apply(raw, found)
        changed = {name: raw[name] for name in _ALL_FIELDS if values[name] != raw[name]}
        gid = assigned_group(values, row["type"], group)
        ids = sorted(j.id for j in found)
        new = (
            *(values[name] for name in _ALL_FIELDS),
            verdict,
            json.dumps(changed, sort_keys=True, ensure_ascii=False) if changed else None,
            json.dumps(ids) if ids else None,
            gid,
            group or row["record_id"],  # a pinned event's record at once; the merge moves the others to their deal
        )
        old = (
            *(row[name] for name in _ALL_FIELDS),
            row["review"],
            row["extracted"],
            row["judgements"],
            row["record_group"],
            row["record_id"],
        )
        if new != old:
            updates.append((*new, row["id"]))
            touched.update(g for g in (row["record_group"], gid) if g)
    if updates:
        store.executemany(
            f"UPDATE events SET {', '.join(f'{n} = ?' for n in _ALL_FIELDS)}, review = ?, extracted = ?, "
            "judgements = ?, record_group = ?, record_id = ? WHERE id = ?",
            updates,
        )
    return touched


# --------------------------------------------------------------------------- judging


def reviewer(name: str | None = None) -> str:
    """Who judges: the name given, else ``$ARMSFLOW_REVIEWER``, else the login name."""
    found = (name or os.environ.get("ARMSFLOW_REVIEWER") or os.environ.get("USER") or "").strip()
    if not found:
        raise ReviewError("say who judges: --by NAME (or $ARMSFLOW_REVIEWER)")
    return found[:200]


def _target(store: Store, ident: str) -> tuple[str, str, list[dict[str, Any]]]:
    """("record" | "event", type, the events) for a record id or an event id."""
    ident = ident.strip()
    rec = store.fetchone("SELECT id, type FROM records WHERE id = ?", (ident,))
    if rec is not None:
        events = store.fetchall(
            f"SELECT {_EVENT_COLUMNS} FROM events WHERE record_id = ? AND (review IS NULL OR review <> 'rejected') "
            "ORDER BY id",
            (ident,),
        )
        return "record", rec["type"], events
    event = store.fetchone(f"SELECT {_EVENT_COLUMNS} FROM events WHERE id = ?", (ident,))
    if event is not None:
        return "event", event["type"], [event]
    raise ReviewError(f"unknown record or event {ident!r}: give an id from 'transfers', 'record' or 'docs'")


def _check_changes(kind: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Field values as stored: actors as ids, items and statuses from the contract, quantities as integers."""
    out: dict[str, Any] = {}
    allowed = FIELDS[kind]
    for name, value in changes.items():
        if name not in allowed:
            raise ReviewError(f"unknown field {name!r} for a {kind}: one of {', '.join(allowed)}")
        text = None if value is None else str(value).strip()
        if text in (None, "", "none", "null"):
            if name not in ("designation", "quantity"):
                raise ReviewError(f"{name} cannot be empty")
            out[name] = None
        elif name in ("supplier", "recipient", "imposer", "target"):
            out[name] = actor_id(text)
        elif name == "item":
            if text.lower() not in ITEM_CATEGORIES:
                raise ReviewError(f"unknown item {text!r}: one of {', '.join(ITEM_CATEGORIES)}")
            out[name] = text.lower()
        elif name == "status":
            statuses = TRANSFER_STATUSES if kind == "transfer" else SANCTION_STATUSES
            if text.lower() not in statuses:
                raise ReviewError(f"unknown status {text!r}: one of {', '.join(statuses)}")
            out[name] = text.lower()
        elif name == "quantity":
            if not text.isdigit() or int(text) <= 0:
                raise ReviewError(f"bad quantity {text!r}: a whole number of units, or none")
            out[name] = int(text)
        else:
            out[name] = text[:200]
    if not out:
        raise ReviewError("a correction needs at least one field=value")
    return out


def judge(
    store: Store,
    action: str,
    targets: Sequence[str],
    *,
    by: str | None = None,
    why: str | None = None,
    changes: dict[str, Any] | None = None,
    events: Sequence[str] = (),
) -> dict[str, Any]:
    """Record one judgement and apply it; returns it with the records it touched.

    ``targets`` are record or event ids (``merge``: two or more records, the first is kept;
    ``split``: one record, with ``events`` the event ids that form the new record).
    """
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r}: one of {', '.join(ACTIONS)}")
    for text in (by, why, *targets, *events, *(str(v) for v in (changes or {}).values()), *(changes or {})):
        _readable(text)
    author = reviewer(by)
    if not targets:
        raise ReviewError("name at least one record or event")
    with store.write():  # read and write under the writers' lock: two analysts at once see each other's work
        return _judge(store, action, targets, author, why, changes, events)


def _readable(text: str | None) -> None:
    """Text a database can store: a lone surrogate (from JSON's escapes) is refused, not a server error."""
    if text is None:
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ReviewError(f"{text[:40]!r} is not valid text (it holds a lone surrogate)") from None


def _judge(
    store: Store,
    action: str,
    targets: Sequence[str],
    author: str,
    why: str | None,
    changes: dict[str, Any] | None,
    events: Sequence[str],
) -> dict[str, Any]:
    found = [_target(store, t) for t in targets]
    kinds = {kind for _, kind, _ in found}
    if len(kinds) > 1:
        raise ReviewError("a judgement covers transfers or sanctions, not both")
    kind = kinds.pop()
    scope = "record" if all(s == "record" for s, _, _ in found) else "event"
    covered = sorted({e["id"]: e for _, _, evs in found for e in evs}.values(), key=lambda e: e["id"])
    if not covered:
        raise ReviewError("no events left to judge there (all of them are rejected)")
    first = targets[0].strip()
    jid = uuid.uuid4().hex[:16]
    covered, checked, group = _plan(action, kind, scope, targets, covered, changes, events, jid)
    created = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
    store.execute(
        "INSERT INTO judgements (id, created_at, author, reason, action, scope, record_id, changes, group_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            jid,
            created,
            author,
            (why or "").strip()[:2000] or None,
            action,
            scope,
            first if scope == "record" else None,
            json.dumps(checked, sort_keys=True, ensure_ascii=False) if checked else None,
            group,
        ),
    )
    store.executemany(
        "INSERT INTO judgement_events (judgement_id, event_id) VALUES (?, ?)", [(jid, e["id"]) for e in covered]
    )
    store._refresh(reapply(store, [e["id"] for e in covered]))
    out = judgement(store, jid)
    assert out is not None
    out["records"] = _records_now(store, [e["id"] for e in covered])
    return out


def _plan(
    action: str,
    kind: str,
    scope: str,
    targets: Sequence[str],
    covered: list[dict[str, Any]],
    changes: dict[str, Any] | None,
    events: Sequence[str],
    jid: str,
) -> tuple[list[dict[str, Any]], dict[str, Any], str | None]:
    """What a judgement does, checked before anything is written: (the events it covers, the field
    values it sets, the record its events form for a merge or split)."""
    first = targets[0].strip()
    checked: dict[str, Any] = {}
    group: str | None = None
    if action == "correct":
        checked = _check_changes(kind, changes or {})
    elif action == "swap":
        if kind != "transfer":
            raise ReviewError("only a transfer has a direction to swap")
        pairs = {(e["supplier"], e["recipient"]) for e in covered}
        if len(pairs) != 1:
            raise ReviewError("these events have different directions; swap them one at a time")
        supplier, recipient = pairs.pop()
        checked = {"supplier": recipient, "recipient": supplier}
    elif action == "merge":
        if scope != "record" or len({t.strip() for t in targets}) < 2:
            raise ReviewError("merge takes two or more record ids (the first is kept)")
        group = first
    elif action == "split":
        if scope != "record" or len(targets) != 1:
            raise ReviewError("split takes one record id and the events (--events) that form a new record")
        chosen = {e.strip() for e in events}
        ids = {e["id"] for e in covered}
        unknown = sorted(chosen - ids)
        if unknown:
            raise ReviewError(f"event {unknown[0]!r} is not in record {first!r}")
        if not chosen or chosen == ids:
            raise ReviewError("split needs some, not all, of the record's events (--events ID ...)")
        covered = [e for e in covered if e["id"] in chosen]
        group = record_id(("split", jid))
    sides = ("supplier", "recipient") if kind == "transfer" else ("imposer", "target")
    if any(side in checked for side in sides):
        for e in covered:
            values = {**{n: e[n] for n in _ALL_FIELDS}, **checked}
            if values[sides[0]] == values[sides[1]]:
                raise ReviewError(f"{sides[0]} and {sides[1]} would both be {values[sides[0]]!r}")
    return covered, checked, group


def withdraw(store: Store, jid: str, *, by: str | None = None) -> dict[str, Any]:
    """Withdraw a judgement (it stays on file, marked withdrawn); its events are derived again without it."""
    _readable(jid)
    _readable(by)
    author = reviewer(by)
    with store.write():
        found = judgement(store, jid.strip())
        if found is None:
            raise ReviewError(f"unknown judgement {jid!r}: see 'armsflow review list'")
        if found["withdrawn_at"]:
            raise ReviewError(f"judgement {jid!r} was already withdrawn ({found['withdrawn_at']})")
        now = datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
        store.execute(
            "UPDATE judgements SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?", (now, author, found["id"])
        )
        store._refresh(reapply(store, found["events"]))
    out = judgement(store, found["id"])
    assert out is not None
    out["records"] = _records_now(store, found["events"])
    return out


def _records_now(store: Store, event_ids: Sequence[str]) -> list[str]:
    """The records these events belong to now (rejected events belong to none)."""
    out: set[str] = set()
    for start in range(0, len(event_ids), 500):
        chunk = list(event_ids[start : start + 500])
        rows = store.fetchall(
            f"SELECT DISTINCT e.record_id FROM events e JOIN records r ON r.id = e.record_id "
            f"WHERE e.id IN ({', '.join('?' for _ in chunk)}) AND (e.review IS NULL OR e.review <> 'rejected')",
            chunk,
        )
        out.update(r["record_id"] for r in rows)
    return sorted(out)


# --------------------------------------------------------------------------- reading


def _as_dict(row: dict[str, Any], events: list[str]) -> dict[str, Any]:
    out = dict(row)
    out["changes"] = json.loads(row["changes"]) if row["changes"] else {}
    out["events"] = events
    return out


def judgement(store: Store, jid: str) -> dict[str, Any] | None:
    row = store.fetchone("SELECT * FROM judgements WHERE id = ?", (jid,))
    if row is None:
        return None
    events = [r["event_id"] for r in store.fetchall(
        "SELECT event_id FROM judgement_events WHERE judgement_id = ? ORDER BY event_id", (jid,)
    )]  # fmt: skip
    return _as_dict(row, events)


def _judgement_filter(record: str | None, event: str | None) -> tuple[str, list[Any]]:
    """The WHERE clause of the judgements made on or covering a record's events, or one event's."""
    clauses, params = ["1 = 1"], []
    if record:
        clauses.append(
            "(j.record_id = ? OR j.id IN (SELECT je.judgement_id FROM judgement_events je "
            "JOIN events e ON e.id = je.event_id WHERE e.record_id = ?))"
        )
        params += [record, record]
    if event:
        clauses.append("j.id IN (SELECT judgement_id FROM judgement_events WHERE event_id = ?)")
        params.append(event)
    return " AND ".join(clauses), params


def count_judgements(store: Store, record: str | None = None, event: str | None = None) -> int:
    """How many judgements :func:`judgements` would list without a limit (for "N of M shown")."""
    where, params = _judgement_filter(record, event)
    row = store.fetchone(f"SELECT COUNT(*) AS n FROM judgements j WHERE {where}", params)
    return int(row["n"]) if row else 0


def judgements(
    store: Store, record: str | None = None, event: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Judgements, newest first: all, those made on or covering a record's events, or one event's."""
    where, params = _judgement_filter(record, event)
    rows = store.fetchall(
        f"SELECT j.* FROM judgements j WHERE {where} ORDER BY j.created_at DESC, j.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    out = []
    for row in rows:
        events = [r["event_id"] for r in store.fetchall(
            "SELECT event_id FROM judgement_events WHERE judgement_id = ? ORDER BY event_id", (row["id"],)
        )]  # fmt: skip
        out.append(_as_dict(row, events))
    return out


def record_fate(store: Store, rid: str) -> dict[str, Any] | None:
    """What became of a record id that no longer names a record: its events rejected, moved or merged."""
    made = judgements(store, record=rid, limit=1000)
    if not made:
        return None
    event_ids = sorted({e for j in made for e in j["events"]})
    rejected = store.fetchall(
        f"SELECT id FROM events WHERE id IN ({', '.join('?' for _ in event_ids)}) AND review = 'rejected'", event_ids
    )
    return {
        "id": rid,
        "gone": True,
        "rejected_events": len(rejected),
        "now_in": _records_now(store, event_ids),
        "judgements": made,
    }


# --------------------------------------------------------------------------- the queue


def need(rec: dict[str, Any]) -> float:
    """How much a record needs a human, 0–1: doubt (low confidence, a contradiction, one source) and weight.

    Confidence counts most (0.4 × (1 − confidence)), then a contradiction (0.3), then resting on a
    single source (0.2); the number of documents (0.1 × log10 of documents, capped at 100 documents)
    puts records many articles repeat — which many readers will see — ahead of equal doubt.
    """
    confidence = rec.get("confidence")
    doubt = 0.4 * (1.0 - (confidence if confidence is not None else 0.5))
    doubt += 0.3 if rec.get("contradiction") else 0.0
    doubt += 0.2 if (rec.get("n_sources") or 0) <= 1 else 0.0
    weight = 0.1 * min(1.0, math.log10(max(1, rec.get("n_documents") or 1)) / 2)
    return round(doubt + weight, 4)


def queue(store: Store, kind: str | None = None, limit: int = 20, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Records with unjudged events, the most in need of a human first; (how many, the page)."""
    if kind not in (None, "transfer", "sanction"):
        raise ReviewError(f"unknown type {kind!r}: transfer or sanction")
    if not 1 <= limit <= 10_000 or offset < 0:
        raise ReviewError("limit must be between 1 and 10000, offset not negative")
    where, params = ("WHERE type = ?", [kind]) if kind else ("", [])
    rows = store.fetchall(
        "SELECT id, type, supplier, recipient, item, designation, imposer, target, status, confidence, "
        f"contradiction, n_sources, n_documents, last_reported, review FROM records {where}",
        params,
    )
    waiting = []
    for row in rows:
        review = json.loads(row["review"]) if row["review"] else None
        if review is not None and not review.get("unjudged"):
            continue  # every event judged: nothing left for a human
        row["review"] = review
        row["need"] = need(row)
        row["why"] = _why(row)
        waiting.append(row)
    waiting.sort(key=lambda r: (-r["need"], r["id"]))
    return len(waiting), waiting[offset : offset + limit]


def _why(rec: dict[str, Any]) -> str:
    reasons = []
    if rec.get("confidence") is not None and rec["confidence"] < 0.7:
        reasons.append(f"confidence {rec['confidence']:.2f}")
    if rec.get("contradiction"):
        reasons.append(f"contradiction {rec['contradiction']}")
    if (rec.get("n_sources") or 0) <= 1:
        reasons.append("single source")
    if (rec.get("n_documents") or 0) >= 5:
        reasons.append(f"{rec['n_documents']} documents")
    return ", ".join(reasons)


# --------------------------------------------------------------------------- gold export


def gold(store: Store, unjudged: str = "optional") -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(document, gold line) for every document with a judged event, in the evaluation contract's format.

    Accepted and corrected events are gold as judged; rejected events are left out (an extractor
    that finds them again makes a false positive); the document's unjudged events are ``optional``
    (default: neither reward nor cost), kept as gold (``keep``) or left out (``omit``). Document
    ids are the ids the documents came with, or the content hash where that is not unique.
    """
    if unjudged not in _UNJUDGED:
        raise ReviewError(f"unknown --unjudged {unjudged!r}: one of {', '.join(_UNJUDGED)}")
    docs = store.fetchall(
        "SELECT d.id, d.doc_key, d.lang, d.date, d.title, d.text FROM documents d WHERE d.id IN "
        "(SELECT document_id FROM events WHERE review IS NOT NULL) ORDER BY d.doc_key, d.id"
    )
    if not docs:
        return
    keys = [d["doc_key"] for d in docs]
    marks = ", ".join("?" for _ in keys)
    shared = {
        r["doc_key"]
        for r in store.fetchall(
            f"SELECT doc_key FROM documents WHERE doc_key IN ({marks}) GROUP BY doc_key HAVING COUNT(*) > 1", keys
        )
    }
    for doc in docs:
        ident = doc["id"] if doc["doc_key"] in shared else doc["doc_key"]
        events = store.fetchall(
            "SELECT type, supplier, recipient, item, status, designation, quantity, imposer, target, source, "
            "evidence, review FROM events WHERE document_id = ? ORDER BY start_char, id",
            (doc["id"],),
        )
        out: dict[tuple[Any, ...], dict[str, Any]] = {}
        for e in events:
            if e["review"] == "rejected" or (e["review"] is None and unjudged == "omit"):
                continue
            if e["type"] == "transfer":
                line = {n: e[n] for n in ("type", "supplier", "recipient", "item", "status", "designation", "quantity")}
                key: tuple[Any, ...] = ("transfer", e["supplier"], e["recipient"], e["item"], e["status"])
            else:
                line = {n: e[n] for n in ("type", "imposer", "target", "status")}
                key = ("sanction", e["imposer"], e["target"], e["status"])
            line["source"] = e["source"]
            line["evidence"] = e["evidence"]
            if e["review"] is None and unjudged == "optional":
                line["optional"] = True
            if key not in out or out[key].get("optional"):  # one event per key; a judged one wins
                out[key] = line
        document = {"id": ident, "lang": doc["lang"], "date": doc["date"], "title": doc["title"], "text": doc["text"]}
        yield document, {"id": ident, "events": list(out.values())}


# --------------------------------------------------------------------------- carrying judgements to another database


def saved(store: Store) -> Iterator[dict[str, Any]]:
    """Every judgement (withdrawn ones too) with its event ids, oldest first: what ``load`` reads."""
    for row in store.fetchall("SELECT * FROM judgements ORDER BY created_at, id"):
        events = [r["event_id"] for r in store.fetchall(
            "SELECT event_id FROM judgement_events WHERE judgement_id = ? ORDER BY event_id", (row["id"],)
        )]  # fmt: skip
        yield _as_dict(row, events)


_SAVED_COLUMNS = ("id", "created_at", "author", "reason", "action", "scope", "record_id", "changes", "group_id",
                  "withdrawn_at", "withdrawn_by")  # fmt: skip


def load(store: Store, lines: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Add saved judgements this database lacks (by id), then derive their events and records again.

    Event ids are hashes of the document's text and the event's key, so the judgements of one
    knowledge base apply to another that read the same articles — a fresh one, or one rebuilt after
    an extractor upgrade. A judged event the other database does not hold (not ingested, or the
    extractor now states it differently) is counted, not an error. Loading twice adds nothing.
    """
    rows = [_checked_saved(line, n) for n, line in enumerate(lines, 1)]
    out = {"judgements": 0, "known": 0, "events": 0, "unknown_events": 0}
    with store.write():
        for row in rows:
            if store.fetchone("SELECT id FROM judgements WHERE id = ?", (row["id"],)) is not None:
                out["known"] += 1
                continue
            store.execute(
                f"INSERT INTO judgements ({', '.join(_SAVED_COLUMNS)}) "
                f"VALUES ({', '.join('?' for _ in _SAVED_COLUMNS)})",
                [row[name] for name in _SAVED_COLUMNS],
            )
            present = _present(store, row["events"])
            store.executemany(
                "INSERT INTO judgement_events (judgement_id, event_id) VALUES (?, ?)", [(row["id"], e) for e in present]
            )
            out["judgements"] += 1
            out["events"] += len(present)
            out["unknown_events"] += len(row["events"]) - len(present)
        if out["judgements"]:
            store._refresh(reapply(store))
    return out


def _present(store: Store, event_ids: Sequence[str]) -> list[str]:
    found: list[str] = []
    for start in range(0, len(event_ids), 500):
        chunk = list(event_ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        found += [r["id"] for r in store.fetchall(f"SELECT id FROM events WHERE id IN ({marks})", chunk)]
    return sorted(found)


def _checked_saved(line: Any, n: int) -> dict[str, Any]:
    """One saved judgement, checked: a hand-edited or foreign line is an error naming its line."""
    if not isinstance(line, dict):
        raise ReviewError(f"line {n}: not a saved judgement (a JSON object)")
    for name in ("id", "created_at", "author", "action", "scope"):
        if not isinstance(line.get(name), str) or not line[name]:
            raise ReviewError(f"line {n}: {name} missing")
    if line["action"] not in ACTIONS:
        raise ReviewError(f"line {n}: unknown action {line['action']!r}")
    events = line.get("events")
    if not isinstance(events, list) or not events or not all(isinstance(e, str) for e in events):
        raise ReviewError(f"line {n}: events must be a list of event ids")
    changes = line.get("changes") or {}
    if not isinstance(changes, dict) or any(k not in _ALL_FIELDS for k in changes):
        raise ReviewError(f"line {n}: changes must map fields to values")
    row = {name: line.get(name) for name in _SAVED_COLUMNS}
    for name, value in row.items():
        if name == "changes":
            continue
        if value is not None and not isinstance(value, str):
            raise ReviewError(f"line {n}: {name} must be text")
        _readable(value)
    for value in events:
        _readable(value)
    row["changes"] = json.dumps(changes, sort_keys=True, ensure_ascii=False) if changes else None
    row["events"] = sorted(set(events))
    return row


def parse_changes(pairs: Iterable[str]) -> dict[str, str]:
    """``field=value`` pairs from the command line."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ReviewError(f"bad --set {pair!r}: use FIELD=VALUE (status=delivered, quantity=none)")
        out[name.strip().lower()] = value.strip()
    return out


def summary(review: str | dict[str, Any] | None) -> str:
    """A record's review in a few characters for tables: ``✓2 ✎1 ✗1 ?3`` (accepted, corrected, rejected, unjudged)."""
    found = json.loads(review) if isinstance(review, str) else review
    if not found:
        return ""
    marks = (("accepted", "✓"), ("corrected", "✎"), ("rejected", "✗"), ("unjudged", "?"))
    return " ".join(f"{sign}{found[name]}" for name, sign in marks if found.get(name))


__all__ = [
    "ACTIONS",
    "FIELDS",
    "Judgement",
    "ReviewError",
    "apply",
    "gold",
    "judge",
    "judgement",
    "judgements",
    "load",
    "need",
    "queue",
    "reapply",
    "record_fate",
    "saved",
    "withdraw",
]
