"""Merging events from many documents into records: what is known about one transfer.

A record gathers every event with the same key — supplier, recipient, item
category and (where one is named) designation for transfers; imposer and
target for sanctions — across all documents read. Its fields are a pure
function of those events and their documents, so recomputing a record is
always safe: ingesting in another order, or re-running a merge, gives the
same record.

Definitions an analyst can rely on:

- *reported* date of an event: its document's publication date, else the
  day the document was ingested;
- *current status*: the status of the most recently reported event; on the
  same day the more definite claim wins (delivered before agreed before
  planned …, and any claim before a denial);
- *source* of an event: whom the article attributes it to, else its
  publisher, else the document itself; ``n_sources`` counts distinct ones;
- *contradiction*: a transfer reported as happening (delivered, agreed,
  planned) and also denied or refused, e.g. ``delivered/denied``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from armsflow.confidence import combine
from armsflow.model import Event

# Most definite first: breaks ties between events reported on the same day.
_RANK = {
    s: i
    for i, s in enumerate(
        ("delivered", "agreed", "imposed", "lifted", "planned", "considered", "requested", "refused", "denied")
    )
}
_HAPPENING = ("delivered", "agreed", "planned")
_NEGATION = ("denied", "refused")


def record_key(event: Event | Mapping[str, Any]) -> tuple[str, ...]:
    get = (lambda name: getattr(event, name)) if isinstance(event, Event) else event.get
    if get("type") == "transfer":
        return ("transfer", get("supplier") or "", get("recipient") or "", get("item") or "", get("designation") or "")
    return ("sanction", get("imposer") or "", get("target") or "")


def record_id(key: tuple[str, ...]) -> str:
    """Deterministic, so the same transfer keeps its id across databases and re-runs."""
    return hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class EventRow:
    """An event with what the merge needs from its document."""

    type: str
    status: str
    document_id: str
    reported: str  # ISO date
    ingested_at: str
    supplier: str | None = None
    recipient: str | None = None
    item: str | None = None
    designation: str | None = None
    imposer: str | None = None
    target: str | None = None
    quantity: int | None = None
    source: str | None = None
    publisher: str | None = None
    confidence: float | None = None


@dataclass(slots=True)
class Record:
    id: str
    type: str
    status: str
    first_reported: str
    last_reported: str
    n_documents: int
    n_sources: int
    n_publishers: int
    contradiction: str | None
    quantities: list[int]
    history: list[dict[str, Any]]
    supplier: str | None = None
    recipient: str | None = None
    item: str | None = None
    designation: str | None = None
    imposer: str | None = None
    target: str | None = None
    confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        """The database row (lists as JSON)."""
        return {
            "id": self.id,
            "type": self.type,
            "supplier": self.supplier,
            "recipient": self.recipient,
            "item": self.item,
            "designation": self.designation,
            "imposer": self.imposer,
            "target": self.target,
            "status": self.status,
            "first_reported": self.first_reported,
            "last_reported": self.last_reported,
            "n_documents": self.n_documents,
            "n_sources": self.n_sources,
            "n_publishers": self.n_publishers,
            "contradiction": self.contradiction,
            "quantities": json.dumps(self.quantities),
            "history": json.dumps(self.history),
            "confidence": self.confidence,
        }


def merge(events: Iterable[EventRow]) -> Record:
    """The record that a non-empty set of events with one key states."""
    rows = list(events)
    if not rows:
        raise ValueError("a record needs at least one event")
    first = rows[0]
    key = record_key({name: getattr(first, name) for name in EventRow.__slots__})
    # The latest report decides; on the same day the more definite claim. Nothing about when or in which
    # order the documents were ingested takes part, so the record is the same for any ingest order.
    latest = max(rows, key=lambda r: (r.reported, -_RANK.get(r.status, 99), r.status))
    history: dict[str, dict[str, Any]] = {}
    for r in rows:
        h = history.setdefault(r.status, {"status": r.status, "first": r.reported, "last": r.reported, "docs": set()})
        h["first"] = min(h["first"], r.reported)
        h["last"] = max(h["last"], r.reported)
        h["docs"].add(r.document_id)
    ordered = sorted(history.values(), key=lambda h: (h["first"], _RANK.get(h["status"], 99)))
    statuses = set(history)
    contradiction = None
    if first.type == "transfer":
        claimed = [s for s in _HAPPENING if s in statuses]
        negated = [s for s in _NEGATION if s in statuses]
        if claimed and negated:
            contradiction = f"{claimed[0]}/{negated[0]}"
    sources = {r.source or r.publisher or f"doc:{r.document_id}" for r in rows}
    return Record(
        id=record_id(key),
        type=first.type,
        status=latest.status,
        first_reported=min(r.reported for r in rows),
        last_reported=max(r.reported for r in rows),
        n_documents=len({r.document_id for r in rows}),
        n_sources=len(sources),
        n_publishers=len({r.publisher for r in rows if r.publisher}),
        contradiction=contradiction,
        quantities=sorted({r.quantity for r in rows if r.quantity is not None}),
        history=[
            {"status": h["status"], "first": h["first"], "last": h["last"], "documents": len(h["docs"])}
            for h in ordered
        ],
        supplier=first.supplier,
        recipient=first.recipient,
        item=first.item,
        designation=first.designation,
        imposer=first.imposer,
        target=first.target,
        confidence=_confidence(rows),
    )


def _confidence(rows: list[EventRow]) -> float | None:
    """Independent documents confirm each other: the best event of each document, combined (noisy-or)."""
    best: dict[str, float] = {}
    for r in rows:
        if r.confidence is not None:
            best[r.document_id] = max(best.get(r.document_id, 0.0), r.confidence)
    return combine(best.values()) if best else None
