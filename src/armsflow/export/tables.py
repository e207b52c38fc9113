"""CSV, JSON lines and GraphML: the records as tables and as a network, with actor names beside ids."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO
from xml.sax.saxutils import quoteattr

from armsflow.export import Selection, iter_records, sources
from armsflow.export.names import display_name
from armsflow.model import TRANSFER_STATUSES

ACTOR_FIELDS = ("supplier", "recipient", "imposer", "target")
CSV_COLUMNS = (
    "type",
    "supplier",
    "supplier_name",
    "recipient",
    "recipient_name",
    "imposer",
    "imposer_name",
    "target",
    "target_name",
    "designation",
    "variant",
    "item_category",
    "quantity",
    "status",
    "first_reported",
    "last_reported",
    "n_documents",
    "n_sources",
    "sources",
    "contradiction",
    "confidence",
    "record_id",
    "review",
)


def _name(aid: str | None) -> str:
    return display_name(aid) if aid else ""


def write_csv(store: Any, out: TextIO, sel: Selection) -> int:
    """One row per record; transfers fill supplier and recipient, sanctions imposer and target."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for r in iter_records(store, sel):
        parties = []
        for side in ACTOR_FIELDS:
            aid = r.get(side) or ""
            parties += [aid, _name(aid)]
        writer.writerow(
            (
                r["type"],
                *parties,
                r["designation"] or "",
                r.get("variant") or "",
                r["item"] or "",
                ";".join(str(q) for q in r["quantities"]),
                r["status"],
                r["first_reported"],
                r["last_reported"],
                r["n_documents"],
                r["n_sources"],
                "; ".join(sources(r["evidence"])),
                r["contradiction"] or "",
                "" if r["confidence"] is None else f"{r['confidence']:.3f}",
                r["id"],
                review_summary(r["review"]),
            )
        )
        n += 1
    return n


def review_summary(review: dict[str, Any] | None) -> str:
    """A judged record says so: "accepted 1; corrected 0; rejected 1; unjudged 2", empty when unjudged."""
    if not review:
        return ""
    return "; ".join(f"{name} {review[name]}" for name in ("accepted", "corrected", "rejected", "unjudged"))


def write_json_lines(store: Any, out: TextIO, sel: Selection) -> int:
    """One record per line with its history, evidence, and ``names``: each actor's English and German name."""
    n = 0
    for r in iter_records(store, sel):
        # the other kind's columns are left out, as in `armsflow transfers --format json`
        unused = (
            ("imposer", "target")
            if r["type"] == "transfer"
            else ("supplier", "recipient", "item", "designation", "variant", "reported_as")
        )
        for name in unused:
            r.pop(name, None)
        for e in r["evidence"]:
            del e["record_id"]
        r["names"] = {
            r[side]: {"en": display_name(r[side]), "de": display_name(r[side], "de")}
            for side in ACTOR_FIELDS
            if r.get(side)
        }
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


_KEYS = (
    ("label", "node", "string"),
    ("name_de", "node", "string"),
    ("code", "node", "string"),
    ("item", "edge", "string"),
    ("designation", "edge", "string"),
    ("variant", "edge", "string"),
    ("status", "edge", "string"),
    ("first_reported", "edge", "string"),
    ("last_reported", "edge", "string"),
    ("n_documents", "edge", "int"),
    ("record_id", "edge", "string"),
    ("review", "edge", "string"),
)


def write_graphml(store: Any, out: TextIO, sel: Selection) -> int:
    """Actors as nodes labelled with their English name (``code`` and ``name_de`` beside it), transfer
    records as directed edges; a node is written before the first edge that needs it."""
    transfers = Selection(**{**{f: getattr(sel, f) for f in Selection.__slots__}, "type": "transfer"})
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for key, target, kind in _KEYS:
        out.write(f'  <key id="{key}" for="{target}" attr.name="{key}" attr.type="{kind}"/>\n')
    out.write('  <graph id="armsflow" edgedefault="directed">\n')
    nodes: set[str] = set()
    n = 0
    # sanctions are no transfer network: asked for sanctions only (or a sanction status), the graph is empty
    only_sanctions = sel.type == "sanction" or (sel.status is not None and sel.status not in TRANSFER_STATUSES)
    records = iter(()) if only_sanctions else iter_records(store, transfers, with_evidence=False)
    for r in records:
        if not (r["supplier"] and r["recipient"]):
            continue
        for aid in (r["supplier"], r["recipient"]):
            if aid not in nodes:
                nodes.add(aid)
                out.write(
                    f'    <node id={quoteattr(aid)}><data key="label">{_xml(display_name(aid))}</data>'
                    f'<data key="name_de">{_xml(display_name(aid, "de"))}</data>'
                    f'<data key="code">{_xml(aid)}</data></node>\n'
                )
        out.write(
            f"    <edge id={quoteattr(r['id'])} source={quoteattr(r['supplier'])} target={quoteattr(r['recipient'])}>"
        )
        for key in ("item", "designation", "variant", "status", "first_reported", "last_reported", "n_documents"):
            if r[key] is not None:
                out.write(f'<data key="{key}">{_xml(str(r[key]))}</data>')
        out.write(f'<data key="record_id">{_xml(r["id"])}</data>')
        if r["review"]:
            out.write(f'<data key="review">{_xml(review_summary(r["review"]))}</data>')
        out.write("</edge>\n")
        n += 1
    out.write("  </graph>\n</graphml>\n")
    return n


def _xml(text: str) -> str:
    return quoteattr(text)[1:-1]
