"""Exports of the knowledge base for other tools, streamed and filtered like the queries.

- ``csv``: one row per record (transfers and sanctions, a ``type`` column), with SIPRI-register-like
  columns and each actor's English name beside its id;
- ``json``: JSON lines, one record per line with its history, evidence and actor names;
- ``graphml``: actors as nodes (id, English and German name), transfer records as directed edges;
- ``ftm``: FollowTheMoney entities, one per line (``plover.py`` and ``ftm.py`` say how they map);
- ``plover``: PLOVER events, one per stored event that PLOVER codes.

Every format reads the records a :class:`Selection` picks — the same filters as ``armsflow
transfers``, parsed and checked by the query layer (:class:`armsflow.query.RecordFilter`) — page
by page with their evidence, and writes as it reads: an export of a large knowledge base never
holds it in memory, and its first lines arrive at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TextIO

from armsflow.model import SANCTION_STATUSES, TRANSFER_STATUSES
from armsflow.query import QueryError, RecordFilter, confidence_bound
from armsflow.store import Store, loads_list

FORMATS = ("csv", "json", "graphml", "ftm", "plover")
TYPES = ("transfer", "sanction")
PAGE = 500  # records read per query


@dataclass(slots=True)
class Selection:
    """Which records an export writes: the query filters, applied to each record type they fit.

    ``item`` selects transfers only (sanctions have no item); a ``status`` selects the types that
    have it (``planned`` both, ``delivered`` transfers, ``imposed`` sanctions).
    """

    type: str | None = None  # transfer, sanction, or None for both
    actor: str | None = None
    item: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    min_confidence: float | None = None

    def filters(self, store: Store | None = None) -> list[RecordFilter]:
        """One checked query filter per record type to export; raises QueryError for a bad value.

        With ``store``, an item may name a designation only the stored records know, as in the queries.
        """
        if self.type is not None and self.type not in TYPES:
            raise QueryError(f"unknown record type {self.type!r}: one of {', '.join(TYPES)}")
        types = [self.type] if self.type else list(TYPES)
        if self.item:
            types = [t for t in types if t == "transfer"]
        if self.status:
            allowed = {"transfer": TRANSFER_STATUSES, "sanction": SANCTION_STATUSES}
            fitting = [t for t in types if self.status in allowed[t]]
            if not fitting:
                statuses = sorted({s for t in types for s in allowed[t]})
                raise QueryError(f"unknown status {self.status!r}: one of {', '.join(statuses)}")
            types = fitting
        floor = None if self.min_confidence is None else confidence_bound(self.min_confidence)
        out = []
        for kind in types:
            flt = RecordFilter(
                type=kind,
                actor=self.actor,
                item=self.item if kind == "transfer" else None,
                status=self.status,
                since=self.since,
                until=self.until,
                min_confidence=floor,
            )
            flt.where(store)  # parse and check every value now, before anything is written
            out.append(flt)
        return out


def export(
    store: Store, fmt: str, out: TextIO, min_confidence: float | None = None, selection: Selection | None = None
) -> int:
    """Write the selected records in ``fmt`` (events for PLOVER); returns the number of items written.

    ``min_confidence`` is kept for callers of the first version; it joins the selection.
    """
    sel = selection or Selection()
    if min_confidence is not None:
        sel.min_confidence = min_confidence
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    from armsflow.export import ftm, plover, tables

    writer = {
        "csv": tables.write_csv,
        "json": tables.write_json_lines,
        "graphml": tables.write_graphml,
        "ftm": ftm.write,
        "plover": plover.write,
    }[fmt]
    return writer(store, out, sel)


def iter_records(store: Store, selection: Selection, with_evidence: bool = True) -> Iterator[dict[str, Any]]:
    """The selected records, transfers first, each type in record-id order, with their evidence.

    Keyset paging on the primary key (``id > last``) keeps every page one index-ordered query, however
    large the knowledge base: an ``ORDER BY`` on a date would sort the whole selection for every page.
    """
    for flt in selection.filters(store):
        where, params = flt.where(store)
        last = ""
        while True:
            rows = store.fetchall(
                f"SELECT * FROM records WHERE {where} AND id > ? ORDER BY id LIMIT ?", [*params, last, PAGE]
            )
            if not rows:
                break
            evidence = _evidence(store, [r["id"] for r in rows]) if with_evidence else {}
            for row in rows:
                _decode(row)
                row["evidence"] = evidence.get(row["id"], [])
                yield row
            last = rows[-1]["id"]
            if len(rows) < PAGE:
                break


def _decode(row: dict[str, Any]) -> None:
    """A stored record's JSON columns as values: its judgements (``review``), both sides of a contradiction
    (``dispute``), the designations as the texts gave them and its canonical sources; the store's own
    bookkeeping (``record_group``: which events are recomputed together) is left out."""
    row["quantities"] = loads_list(row["quantities"])
    row["history"] = loads_list(row["history"])
    for name in ("review", "dispute"):
        row[name] = json.loads(row[name]) if row.get(name) else None
    row["reported_as"] = loads_list(row.get("reported_as"))
    row["sources"] = loads_list(row.get("sources"))
    row.pop("record_group", None)


_EVIDENCE = (
    "SELECT e.record_id, e.id AS event_id, e.type, e.status, e.supplier, e.recipient, e.imposer, e.target, "
    "e.item, e.designation, e.quantity, e.source, e.evidence, e.start_char, e.end_char, e.rule, e.confidence, "
    "e.review, d.id AS document_id, d.doc_key, d.url, d.title, d.publisher, d.lang, d.date AS published, "
    "COALESCE(d.date, SUBSTR(d.ingested_at, 1, 10)) AS reported "
    "FROM events e JOIN documents d ON d.id = e.document_id"
)


def _evidence(store: Store, record_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {rid: [] for rid in record_ids}
    marks = ", ".join("?" for _ in record_ids)
    for e in store.fetchall(
        # events judged wrong (review 'rejected') are no evidence of anything: no format exports them
        f"{_EVIDENCE} WHERE e.record_id IN ({marks}) AND (e.review IS NULL OR e.review <> 'rejected') "
        "ORDER BY reported, d.id, e.start_char, e.id",
        record_ids,
    ):
        e["reported"] = str(e["reported"])[:10]
        out[e["record_id"]].append(e)
    return out


def sources(evidence: list[dict[str, Any]]) -> list[str]:
    """Whom the record's evidence is attributed to, else its publishers, else its documents."""
    return sorted({e["source"] or e["publisher"] or f"doc:{e['document_id']}" for e in evidence})


__all__ = ["FORMATS", "Selection", "export", "iter_records", "sources"]
