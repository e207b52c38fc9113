"""Reading the knowledge base: filtered records, one record with its evidence, actors, documents.

Filters take what an analyst types: actor ids or names in German or English
("IRN", "Iran", "Russland", "the Kremlin"), item categories or designations
("uav", "Shahed-136"), dates as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. A
name that means nothing is an error that says so, not an empty result.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from armsflow.dates import DATE_FORMS, is_real_date
from armsflow.lexicons import designation_key, form_tokens, lexicon, read_tsv
from armsflow.model import ITEM_CATEGORIES, NON_STATE_ACTORS, SANCTION_STATUSES, TRANSFER_STATUSES
from armsflow.store import Store, loads_list

MAX_LIMIT = 10_000


class QueryError(ValueError):
    """A filter value armsflow cannot understand; the message says which and why."""


@cache
def _actor_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for lang in ("en", "de"):
        for key, entry in lexicon(lang).actors.items():
            index.setdefault(" ".join(key).lower(), entry.id)
    return index


def actor_id(name: str) -> str:
    """The actor id for an id or a name ("IRN", "Iran", "Russland", "Pjöngjang")."""
    text = name.strip()
    if re.fullmatch(r"[A-Z]{3}", text) or text in NON_STATE_ACTORS:
        return text
    if text.upper() in ("EU", "NATO", "UN"):
        return text.upper()
    found = _actor_index().get(" ".join(form_tokens(text)).lower())
    if found is None:
        raise QueryError(f"unknown actor {name!r}: give an ISO 3166 code (IRN) or a state's name")
    return found


def item_filter(value: str) -> tuple[str, str]:
    """("item", category) or ("designation", name) for what the user typed."""
    text = value.strip()
    if text.lower() in ITEM_CATEGORIES:
        return "item", text.lower()
    for lang in ("en", "de"):
        lex = lexicon(lang)
        entry = lex.designations.get(designation_key(text))
        if entry is not None:
            return "designation", entry.designation
        category = lex.item_words.get(text.lower())
        if category:
            return "item", category
    return "designation", text


def date_bound(value: str | None, end: bool = False) -> str | None:
    """A date filter as an ISO string; "2024" as an upper bound means the end of 2024."""
    if value is None:
        return None
    text = value.strip()
    if not is_real_date(text):  # the shape alone lets 2024-13-45 through, which matches nothing and means nothing
        raise QueryError(f"bad date {value!r}: use {DATE_FORMS}")
    if end:
        return text + "~"  # sorts after every date with this prefix
    return text


def confidence_bound(value: float | str) -> float:
    """A confidence threshold in [0, 1]."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise QueryError(f"bad confidence {value!r}: a number between 0 and 1") from None
    if not 0.0 <= number <= 1.0 or number != number:
        raise QueryError(f"bad confidence {value!r}: a number between 0 and 1")
    return number


@dataclass(slots=True)
class RecordFilter:
    type: str = "transfer"
    supplier: str | None = None
    recipient: str | None = None
    imposer: str | None = None
    target: str | None = None
    item: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None  # either side
    min_confidence: float | None = None
    limit: int = 100
    offset: int = 0

    def where(self) -> tuple[str, list[Any]]:
        clauses = ["type = ?"]
        params: list[Any] = [self.type]
        for name in ("supplier", "recipient", "imposer", "target"):
            value = getattr(self, name)
            if value:
                clauses.append(f"{name} = ?")
                params.append(actor_id(value))
        if self.actor:
            aid = actor_id(self.actor)
            sides = ("supplier", "recipient") if self.type == "transfer" else ("imposer", "target")
            clauses.append(f"({sides[0]} = ? OR {sides[1]} = ?)")
            params += [aid, aid]
        if self.item:
            column, value = item_filter(self.item)
            clauses.append(f"{column} = ?")
            params.append(value)
        if self.status:
            allowed = TRANSFER_STATUSES if self.type == "transfer" else SANCTION_STATUSES
            if self.status not in allowed:
                raise QueryError(f"unknown status {self.status!r}: one of {', '.join(allowed)}")
            clauses.append("status = ?")
            params.append(self.status)
        since, until = date_bound(self.since), date_bound(self.until, end=True)
        if since:
            clauses.append("last_reported >= ?")
            params.append(since)
        if until:
            clauses.append("first_reported <= ?")
            params.append(until)
        if self.min_confidence is not None:
            clauses.append("confidence >= ?")
            params.append(confidence_bound(self.min_confidence))
        return " AND ".join(clauses), params


def records(store: Store, flt: RecordFilter) -> list[dict[str, Any]]:
    """Records matching the filter, most recently reported first."""
    if not 1 <= flt.limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    if flt.offset < 0:
        raise QueryError("offset must not be negative")
    if flt.actor:
        # "either side" as two index-ordered queries merged here: an OR over two columns would make
        # the database collect and sort every record of a big supplier before the first page
        sides = ("supplier", "recipient") if flt.type == "transfer" else ("imposer", "target")
        merged: dict[str, dict[str, Any]] = {}
        for side in sides:
            one = RecordFilter(**{**_fields(flt), "actor": None, side: flt.actor})
            if getattr(flt, side):  # the side is already fixed to another actor: both must hold
                one = RecordFilter(**{**_fields(flt), "actor": None})
                one_where, one_params = one.where()
                other = sides[1] if side == sides[0] else sides[0]
                one_where += f" AND {other} = ?"
                rows = _page(store, one_where, [*one_params, actor_id(flt.actor)], flt.limit + flt.offset, 0)
            else:
                rows = _page(store, *one.where(), flt.limit + flt.offset, 0)
            for row in rows:
                merged[row["id"]] = row
        # ORDER BY last_reported DESC, id: two stable sorts, the minor key first
        ordered = sorted(merged.values(), key=lambda r: r["id"])
        ordered.sort(key=lambda r: r["last_reported"], reverse=True)
        return [_record(r) for r in ordered[flt.offset : flt.offset + flt.limit]]
    where, params = flt.where()
    return [_record(r) for r in _page(store, where, params, flt.limit, flt.offset)]


def _page(store: Store, where: str, params: list[Any], limit: int, offset: int) -> list[dict[str, Any]]:
    return store.fetchall(
        f"SELECT * FROM records WHERE {where} ORDER BY last_reported DESC, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )


def _fields(flt: RecordFilter) -> dict[str, Any]:
    return {name: getattr(flt, name) for name in RecordFilter.__slots__}


def count_records(store: Store, flt: RecordFilter) -> int:
    where, params = flt.where()
    row = store.fetchone(f"SELECT COUNT(*) AS n FROM records WHERE {where}", params)
    return int(row["n"]) if row else 0


def _record(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["quantities"] = loads_list(row.get("quantities"))
    out["history"] = loads_list(row.get("history"))
    for name in ("review", "dispute"):  # judgements (armsflow.review) and both sides of a contradiction
        if name in out:
            out[name] = json.loads(row[name]) if row[name] else None
    if out["type"] == "transfer":
        out.pop("imposer", None)
        out.pop("target", None)
    else:
        for name in ("supplier", "recipient", "item", "designation"):
            out.pop(name, None)
    return out


def record(store: Store, rid: str) -> dict[str, Any] | None:
    """One record with its status history and every evidence sentence, oldest report first."""
    row = store.fetchone("SELECT * FROM records WHERE id = ?", (rid,))
    if row is None:
        return None
    out = _record(row)
    out["evidence"] = store.fetchall(
        "SELECT e.id AS event_id, e.status, e.quantity, e.source, e.evidence, e.start_char, e.end_char, e.rule, "
        "e.trace, e.confidence, e.review, e.extracted, e.judgements, "
        "d.id AS document_id, d.doc_key, d.title, d.url, d.publisher, "
        "COALESCE(d.date, SUBSTR(d.ingested_at, 1, 10)) AS reported "
        "FROM events e JOIN documents d ON d.id = e.document_id WHERE e.record_id = ? "
        "ORDER BY reported, d.id, e.start_char",
        (rid,),
    )
    for ev in out["evidence"]:
        _judged(ev)
    return out


def _judged(ev: dict[str, Any]) -> None:
    """An event row as data: its trace, what the extractor said where a judgement changed it, its judgements."""
    ev["trace"] = loads_list(ev.get("trace"))
    ev["extracted"] = json.loads(ev["extracted"]) if ev.get("extracted") else None
    ev["judgements"] = loads_list(ev.get("judgements"))


def actor(store: Store, name: str) -> dict[str, Any]:
    """What an actor supplies and receives (by partner and item) and the sanctions it imposes or faces."""
    aid = actor_id(name)
    sides = {
        "supplies": ("supplier", "recipient", "transfer"),
        "receives": ("recipient", "supplier", "transfer"),
        "imposes": ("imposer", "target", "sanction"),
        "sanctioned_by": ("target", "imposer", "sanction"),
    }
    out: dict[str, Any] = {"id": aid}
    for label, (own, other, kind) in sides.items():
        item_col = "item" if kind == "transfer" else "NULL"
        out[label] = store.fetchall(
            f"SELECT {other} AS partner, {item_col} AS item, designation, status, first_reported, last_reported, "
            f"n_documents, id AS record_id FROM records WHERE type = ? AND {own} = ? "
            f"ORDER BY partner, item, last_reported DESC",
            (kind, aid),
        )
    return out


def documents(
    store: Store,
    search: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}")
    clauses, params = ["1 = 1"], []
    if search:
        clauses.append("(LOWER(title) LIKE ? OR LOWER(text) LIKE ?)")
        params += [f"%{search.lower()}%"] * 2
    reported = "COALESCE(date, SUBSTR(ingested_at, 1, 10))"
    if since:
        clauses.append(f"{reported} >= ?")
        params.append(date_bound(since))
    if until:
        clauses.append(f"{reported} <= ?")
        params.append(date_bound(until, end=True))
    return store.fetchall(
        f"SELECT id, doc_key, {reported} AS reported, lang, title, publisher, url, n_events FROM documents "
        f"WHERE {' AND '.join(clauses)} ORDER BY reported DESC, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document with its text and its events (with character spans into the text)."""
    row = store.fetchone("SELECT * FROM documents WHERE id = ? OR doc_key = ? ORDER BY id LIMIT 1", (doc_id, doc_id))
    if row is None:
        return None
    row["events"] = store.fetchall(
        "SELECT id, record_id, type, status, supplier, recipient, imposer, target, item, designation, quantity, "
        "source, evidence, start_char, end_char, rule, trace, confidence, review, extracted, judgements "
        "FROM events WHERE document_id = ? "
        "ORDER BY start_char",
        (row["id"],),
    )
    for ev in row["events"]:
        _judged(ev)
    return row


@cache
def actor_names() -> dict[str, str]:
    """A display name per actor id: the first English (or shared) name in the lexicon."""
    names: dict[str, str] = {}
    for row in read_tsv("actors.tsv"):
        if row["kind"] == "name" and row["lang"] in ("*", "en"):
            names.setdefault(row["id"], row["form"])
    return names


def network(store: Store, flt: RecordFilter) -> dict[str, Any]:
    """Actors as nodes and transfer records as directed edges, for the records the filter selects."""
    rows = records(store, flt)
    names = actor_names()
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for r in rows:
        if not (r.get("supplier") and r.get("recipient")):
            continue
        for side, count in ((r["supplier"], "supplies"), (r["recipient"], "receives")):
            node = nodes.setdefault(side, {"id": side, "label": names.get(side, side), "supplies": 0, "receives": 0})
            node[count] += 1
        edges.append(
            {
                "id": r["id"],
                "source": r["supplier"],
                "target": r["recipient"],
                "item": r["item"],
                "designation": r["designation"],
                "status": r["status"],
                "first_reported": r["first_reported"],
                "last_reported": r["last_reported"],
                "n_documents": r["n_documents"],
                "contradiction": r["contradiction"],
                "confidence": r.get("confidence"),
            }
        )
    return {"nodes": sorted(nodes.values(), key=lambda n: n["id"]), "edges": edges}
