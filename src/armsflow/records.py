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
  planned …, and any claim before a denial). Evidence outweighs recency in
  one case: a denial by the accused (attributed to the supplier, the
  recipient or no named third party) does not replace a delivery, deal or plan that
  two or more independent sources report; the record keeps the
  contradiction and both sides (``dispute``);
- *source* of an event: whom the article attributes it to, else its
  publisher, else the document itself; ``n_sources`` counts distinct ones;
- *contradiction*: a transfer reported as happening (delivered, agreed,
  planned) and also denied or refused, e.g. ``delivered/denied``;
- *review*: events an analyst judged wrong (``review == "rejected"``) take no
  part in the record, and the record's ``review`` summary counts what was
  accepted, corrected, rejected and is still unjudged (:mod:`armsflow.review`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from armsflow.confidence import combine
from armsflow.lexicons import form_tokens, lexicon
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
    event_id: str = ""
    review: str | None = None  # accepted, corrected, rejected (armsflow.review), None when unjudged
    judgements: tuple[str, ...] = ()
    record_id: str | None = None  # the record the event is assigned to (a judged merge or split decides it)


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
    review: dict[str, Any] | None = None
    dispute: dict[str, Any] | None = None
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
            "review": json.dumps(self.review, sort_keys=True) if self.review else None,
            "dispute": json.dumps(self.dispute, sort_keys=True, ensure_ascii=False) if self.dispute else None,
        }


def derive(events: Iterable[EventRow]) -> Record | None:
    """The record that a set of events assigned to one record states, with their judgements applied.

    Events judged wrong leave the record and its counts; when every event is, there is no record
    (None). The ``review`` summary says how much of the record an analyst has judged.
    """
    rows = list(events)
    live = [r for r in rows if r.review != "rejected"]
    if not live:
        return None
    rec = merge(live)
    if rows[0].record_id and rows[0].record_id != rec.id:
        # a judged merge or split assigned these events to one record: keep its id, and show the fields
        # of an event whose own key gives that id (the record merged into), else of the earliest
        rid = rows[0].record_id
        leads = [r for r in live if record_id(_key_of(r)) == rid] or live
        lead = min(leads, key=lambda r: (r.reported, r.event_id))
        rec.id = rid
        for name in ("supplier", "recipient", "item", "designation", "imposer", "target"):
            setattr(rec, name, getattr(lead, name))
    judged = [r for r in rows if r.review or r.judgements]
    if judged:
        counts = {state: sum(1 for r in rows if r.review == state) for state in ("accepted", "corrected", "rejected")}
        rec.review = {
            **counts,
            "unjudged": sum(1 for r in rows if not r.review),
            "judgements": sorted({j for r in rows for j in r.judgements}),
        }
    return rec


def _key_of(row: EventRow) -> tuple[str, ...]:
    return record_key({name: getattr(row, name) for name in ("type", *_KEY_FIELDS)})


_KEY_FIELDS = ("supplier", "recipient", "item", "designation", "imposer", "target")


def merge(events: Iterable[EventRow]) -> Record:
    """The record that a non-empty set of events with one key states."""
    rows = list(events)
    if not rows:
        raise ValueError("a record needs at least one event")
    first = rows[0]
    key = _key_of(first)
    dispute = _dispute(rows) if first.type == "transfer" else None
    overruled = set(dispute["overruled"]) if dispute else set()
    # The latest report decides; on the same day the more definite claim. Nothing about when or in which
    # order the documents were ingested takes part, so the record is the same for any ingest order.
    # A denial by the accused that corroborated claims outweigh does not decide (see _dispute).
    deciding = [r for r in rows if id(r) not in overruled] or rows
    latest = max(deciding, key=lambda r: (r.reported, -_RANK.get(r.status, 99), r.status))
    if dispute:
        dispute["current"] = latest.status
        dispute["denial_outweighed"] = bool(dispute.pop("overruled"))
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
    sources = {_source(r) for r in rows}
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
        dispute=dispute,
    )


CORROBORATION = 2  # independent sources that make a claim outweigh the accused's denial


def _source(r: EventRow) -> str:
    return r.source or r.publisher or f"doc:{r.document_id}"


def _dispute(rows: list[EventRow]) -> dict[str, Any] | None:
    """Both sides of a contradiction, and which denials do not decide the current status.

    A denial is the accused's unless its source names an actor other than the supplier and the
    recipient (the lexicon's names of states, capitals, ministries, people): "Iran", "Teheran",
    "the foreign ministry spokesman" and a denial attributed to no one are the parties' own —
    in news, an unnamed ministry denying is the accused's ministry. The accused
    denying is expected and adds nothing against a claim two or more independent sources make,
    so it does not replace that claim as the current status; a denial from anyone else does.
    """
    claims = [r for r in rows if r.status in _HAPPENING]
    negations = [r for r in rows if r.status in _NEGATION]
    if not claims or not negations:
        return None
    parties = {r.supplier for r in rows} | {r.recipient for r in rows}
    claim_sources = sorted({_source(r) for r in claims})
    denials = [r for r in negations if r.status == "denied"]
    by_accused = [r for r in denials if r.source is None or not source_actors(r.source) - parties]
    corroborated = len(claim_sources) >= CORROBORATION
    strongest = min((r.status for r in claims), key=lambda s: _RANK[s])
    return {
        "claim": {"status": strongest, "sources": claim_sources, "documents": len({r.document_id for r in claims})},
        "denial": {
            "statuses": sorted({r.status for r in negations}),
            "sources": sorted({_source(r) for r in negations}),
            "by_accused": sorted({_source(r) for r in by_accused}),
            "documents": len({r.document_id for r in negations}),
        },
        "rule": (
            f"a denial by the accused does not replace a claim reported by {CORROBORATION} or more independent sources"
        ),
        "overruled": [id(r) for r in by_accused] if corroborated else [],
    }


@lru_cache(maxsize=20_000)
def source_actors(source: str) -> frozenset[str]:
    """The actors a source string names ("Iran's foreign ministry" -> IRN, "Peskow" -> RUS), in either language."""
    tokens = form_tokens(source)
    found: set[str] = set()
    for lang in ("en", "de"):
        lex = lexicon(lang)
        for start in range(len(tokens)):
            for size in range(min(lex.actor_max, len(tokens) - start), 0, -1):
                entry = lex.actors.get(tokens[start : start + size])
                if entry is not None:
                    found.add(entry.id)
                    break
    return frozenset(found)


def _confidence(rows: list[EventRow]) -> float | None:
    """Independent documents confirm each other: the best event of each document, combined (noisy-or)."""
    best: dict[str, float] = {}
    for r in rows:
        if r.confidence is not None:
            best[r.document_id] = max(best.get(r.document_id, 0.0), r.confidence)
    return combine(best.values()) if best else None
