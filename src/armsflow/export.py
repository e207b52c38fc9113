"""Exports of the knowledge base for other tools.

- ``csv``: one row per transfer record with SIPRI-register-like columns;
- ``json``: every record (transfers and sanctions) with history and evidence;
- ``graphml``: actors as nodes, records as directed edges (Gephi, Cytoscape);
- ``ftm``: FollowTheMoney entities, one JSON object per line (OpenSanctions,
  Aleph): states and groups as ``PublicBody``/``Organization``, transfers as
  ``EconomicActivity`` (sender, receiver, goods), sanctions as ``Sanction``,
  articles as ``Article``;
- ``plover``: PLOVER-style events, one per stored event with a PLOVER type:
  delivered → AID (mode military), agreed and planned → AGREE, requested →
  REQUEST (the requesting recipient acts), refused → REJECT, imposed
  sanctions → SANCTION. Considered transfers, denials and lifted sanctions
  have no PLOVER type and are left out (the count is reported).
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from armsflow.store import Store, loads_list

FORMATS = ("csv", "json", "graphml", "ftm", "plover")
NON_STATE_NAMES = {"EU": "European Union", "NATO": "NATO", "UN": "United Nations"}


def _records(store: Store, min_confidence: float | None = None) -> list[dict[str, Any]]:
    if min_confidence is None:
        rows = store.fetchall("SELECT * FROM records ORDER BY type, first_reported, id")
    else:
        rows = store.fetchall(
            "SELECT * FROM records WHERE confidence >= ? ORDER BY type, first_reported, id", (min_confidence,)
        )
    for r in rows:
        r["quantities"] = loads_list(r["quantities"])
        r["history"] = loads_list(r["history"])
        for name in ("review", "dispute"):  # judgements on the record; both sides of a contradiction
            r[name] = json.loads(r[name]) if r.get(name) else None
        r["reported_as"] = loads_list(r.get("reported_as"))
        r["sources"] = loads_list(r.get("sources"))
        r.pop("record_group", None)  # the store's bookkeeping (which events are recomputed together)
    return rows


def _evidence_by_record(store: Store) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in store.fetchall(
        "SELECT e.record_id, e.id AS event_id, e.status, e.quantity, e.source, e.evidence, e.start_char, e.end_char, "
        "d.id AS document_id, d.url, d.title, d.publisher, COALESCE(d.date, SUBSTR(d.ingested_at, 1, 10)) AS reported "
        "FROM events e JOIN documents d ON d.id = e.document_id "
        "WHERE e.review IS NULL OR e.review <> 'rejected' ORDER BY reported, e.id"  # judged wrong: not evidence
    ):
        out[e["record_id"]].append(e)
    return out


def _sources(evidence: list[dict[str, Any]]) -> list[str]:
    return sorted({e["source"] or e["publisher"] or f"doc:{e['document_id']}" for e in evidence})


def export(store: Store, fmt: str, out: TextIO, min_confidence: float | None = None) -> int:
    """Write the knowledge base in ``fmt`` (records, or events for PLOVER, with at least ``min_confidence``
    when given); returns the number of items written."""
    if fmt == "csv":
        return _csv(store, out, min_confidence)
    if fmt == "json":
        return _json(store, out, min_confidence)
    if fmt == "graphml":
        return _graphml(store, out, min_confidence)
    if fmt == "ftm":
        return _ftm(store, out, min_confidence)
    if fmt == "plover":
        return _plover(store, out, min_confidence)
    raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")


CSV_COLUMNS = (
    "supplier",
    "recipient",
    "designation",
    "item_category",
    "quantity",
    "status",
    "first_reported",
    "last_reported",
    "n_documents",
    "n_sources",
    "sources",
    "contradiction",
    "record_id",
    "review",
)


def _csv(store: Store, out: TextIO, min_confidence: float | None = None) -> int:
    evidence = _evidence_by_record(store)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for r in _records(store, min_confidence):
        if r["type"] != "transfer":
            continue
        writer.writerow(
            (
                r["supplier"] or "",
                r["recipient"] or "",
                r["designation"] or "",
                r["item"] or "",
                ";".join(str(q) for q in r["quantities"]),
                r["status"],
                r["first_reported"],
                r["last_reported"],
                r["n_documents"],
                r["n_sources"],
                "; ".join(_sources(evidence.get(r["id"], []))),
                r["contradiction"] or "",
                r["id"],
                _review(r["review"]),
            )
        )
        n += 1
    return n


def _review(review: dict[str, Any] | None) -> str:
    """A judged record says so: "accepted 1; corrected 0; rejected 1; unjudged 2", empty when unjudged."""
    if not review:
        return ""
    return "; ".join(f"{name} {review[name]}" for name in ("accepted", "corrected", "rejected", "unjudged"))


def _json(store: Store, out: TextIO, min_confidence: float | None = None) -> int:
    evidence = _evidence_by_record(store)
    rows = _records(store, min_confidence)
    for r in rows:
        r["evidence"] = evidence.get(r["id"], [])
    json.dump({"records": rows}, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(rows)


def _graphml(store: Store, out: TextIO, min_confidence: float | None = None) -> int:
    rows = [r for r in _records(store, min_confidence) if r["type"] == "transfer"]
    nodes = sorted({r["supplier"] for r in rows if r["supplier"]} | {r["recipient"] for r in rows if r["recipient"]})
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for key, target, kind in (
        ("label", "node", "string"),
        ("item", "edge", "string"),
        ("designation", "edge", "string"),
        ("status", "edge", "string"),
        ("first_reported", "edge", "string"),
        ("last_reported", "edge", "string"),
        ("n_documents", "edge", "int"),
        ("record_id", "edge", "string"),
    ):
        out.write(f'  <key id="{key}" for="{target}" attr.name="{key}" attr.type="{kind}"/>\n')
    out.write('  <graph id="armsflow" edgedefault="directed">\n')
    for node in nodes:
        out.write(f'    <node id={quoteattr(node)}><data key="label">{_xml(node)}</data></node>\n')
    n = 0
    for r in rows:
        if not (r["supplier"] and r["recipient"]):
            continue
        out.write(
            f"    <edge id={quoteattr(r['id'])} source={quoteattr(r['supplier'])} target={quoteattr(r['recipient'])}>"
        )
        for key in ("item", "designation", "status", "first_reported", "last_reported", "n_documents"):
            if r[key] is not None:
                out.write(f'<data key="{key}">{_xml(str(r[key]))}</data>')
        out.write(f'<data key="record_id">{_xml(r["id"])}</data></edge>\n')
        n += 1
    out.write("  </graph>\n</graphml>\n")
    return n


def _xml(text: str) -> str:
    return quoteattr(text)[1:-1]


def _ftm(store: Store, out: TextIO, min_confidence: float | None = None) -> int:
    from followthemoney import model

    written = 0

    def emit(entity: Any) -> None:
        nonlocal written
        out.write(json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        written += 1

    actors: dict[str, Any] = {}

    def actor(aid: str) -> Any:
        if aid not in actors:
            is_state = len(aid) == 3 and aid.isupper()
            entity = model.make_entity("PublicBody" if is_state or aid in NON_STATE_NAMES else "Organization")
            entity.make_id("armsflow-actor", aid)
            entity.add("name", NON_STATE_NAMES.get(aid, aid))
            if is_state:
                entity.add("jurisdiction", aid, quiet=True, fuzzy=True)
            actors[aid] = entity
            emit(entity)
        return actors[aid]

    evidence = _evidence_by_record(store)
    for doc in store.fetchall("SELECT id, title, url, publisher, date, lang FROM documents ORDER BY id"):
        article = model.make_entity("Article")
        article.make_id("armsflow-document", doc["id"])
        article.add("title", doc["title"] or doc["id"])
        article.add("sourceUrl", doc["url"], quiet=True)
        article.add("publisher", doc["publisher"])
        article.add("publishedAt", doc["date"], quiet=True)
        article.add("language", doc["lang"], quiet=True, fuzzy=True)
        emit(article)
    for r in _records(store, min_confidence):
        ev = evidence.get(r["id"], [])
        if r["type"] == "transfer":
            entity = model.make_entity("EconomicActivity")
            entity.make_id("armsflow-record", r["id"])
            if r["supplier"]:
                entity.add("sender", actor(r["supplier"]))
            if r["recipient"]:
                entity.add("receiver", actor(r["recipient"]))
            goods = " ".join(x for x in (r["designation"], r["item"]) if x)
            entity.add("goodsDescription", goods)
            entity.add("summary", f"arms transfer, status {r['status']}")
        else:
            entity = model.make_entity("Sanction")
            entity.make_id("armsflow-record", r["id"])
            if not r["target"]:
                continue  # a Sanction needs its entity
            entity.add("entity", actor(r["target"]))
            if r["imposer"]:
                entity.add("authority", NON_STATE_NAMES.get(r["imposer"], r["imposer"]))
            entity.add("status", r["status"])
        entity.add("startDate", r["first_reported"], quiet=True)
        entity.add("endDate", r["last_reported"], quiet=True)
        entity.add("description", " | ".join(e["evidence"] for e in ev[:20]))
        entity.add("sourceUrl", [e["url"] for e in ev if e["url"]], quiet=True)
        emit(entity)
    return written


_PLOVER = {
    ("transfer", "delivered"): "AID",
    ("transfer", "agreed"): "AGREE",
    ("transfer", "planned"): "AGREE",
    ("transfer", "requested"): "REQUEST",
    ("transfer", "refused"): "REJECT",
    ("sanction", "imposed"): "SANCTION",
}


def plover_events(store: Store, min_confidence: float | None = None) -> Iterator[dict[str, Any]]:
    where, params = ("", ()) if min_confidence is None else (" AND e.confidence >= ?", (min_confidence,))
    where = " WHERE (e.review IS NULL OR e.review <> 'rejected')" + where  # events judged wrong are not exported
    for e in store.fetchall(
        "SELECT e.*, d.url, d.publisher, COALESCE(d.date, SUBSTR(d.ingested_at, 1, 10)) AS reported "
        f"FROM events e JOIN documents d ON d.id = e.document_id{where} ORDER BY reported, e.id",
        params,
    ):
        kind = _PLOVER.get((e["type"], e["status"]))
        if kind is None:
            continue
        if e["type"] == "transfer":
            actor, recipient = e["supplier"], e["recipient"]
            if kind == "REQUEST":
                actor, recipient = recipient, actor
        else:
            actor, recipient = e["imposer"], e["target"]
        event: dict[str, Any] = {
            "event_id": e["id"],
            "event_date": e["reported"],
            "event_type": kind,
            "actor": actor,
            "recipient": recipient,
            "event_text": e["evidence"],
            "story_id": e["document_id"],
            "publisher": e["publisher"],
            "url": e["url"],
            "attributed_to": e["source"],
            "armsflow": {"status": e["status"], "record_id": e["record_id"], "confidence": e.get("confidence")},
        }
        if kind in ("AID", "AGREE", "REQUEST", "REJECT") and e["type"] == "transfer":
            event["mode"] = "military"
            event["item"] = e["item"]
            event["designation"] = e["designation"]
            event["quantity"] = e["quantity"]
        yield event


def _plover(store: Store, out: TextIO, min_confidence: float | None = None) -> int:
    n = 0
    for event in plover_events(store, min_confidence):
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n
