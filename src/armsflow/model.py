"""The one event model of armsflow, and its vocabularies.

Everything downstream (CLI, store, API) speaks these types, so the contract in
the evaluation guidelines is encoded here once and nowhere else.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

ITEM_CATEGORIES: tuple[str, ...] = (
    "combat-aircraft",
    "helicopter",
    "other-aircraft",
    "uav",
    "ballistic-missile",
    "cruise-missile",
    "anti-tank-weapon",
    "other-missile",
    "guided-bomb",
    "air-defence-system",
    "artillery",
    "artillery-ammunition",
    "ammunition",
    "armoured-vehicle",
    "ship",
    "sensor",
    "small-arms",
    "space-technology",
    "technology",
    "military-equipment",
    "personnel",
)

TRANSFER_STATUSES: tuple[str, ...] = (
    "delivered",
    "agreed",
    "planned",
    "considered",
    "requested",
    "denied",
    "refused",
)
SANCTION_STATUSES: tuple[str, ...] = ("imposed", "planned", "considered", "lifted")

NON_STATE_ACTORS: tuple[str, ...] = (
    "EU",
    "NATO",
    "UN",
    "wagner-group",
    "africa-corps",
    "hezbollah",
    "hamas",
    "houthis",
    "palestinian-islamic-jihad",
    "kataib-hezbollah",
    "rsf",
    "sdf",
    "islamic-state",
)

LANGUAGES: tuple[str, ...] = ("de", "en")

EventType = Literal["transfer", "sanction"]


@dataclass(slots=True)
class Document:
    """A news article as it enters the pipeline."""

    id: str
    text: str
    lang: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None


@dataclass(slots=True)
class Event:
    """One extracted event.

    Transfers use supplier/recipient/item; sanctions use imposer/target. The
    unused pair stays None so that one type serves both, as in the contract.
    ``start``/``end`` are character offsets of ``evidence`` in the document
    text and ``rule`` names what produced the event, so every claim can be
    traced back to its words and its reason.
    """

    type: EventType
    status: str
    evidence: str
    start: int
    end: int
    rule: str
    supplier: str | None = None
    recipient: str | None = None
    item: str | None = None
    designation: str | None = None
    quantity: int | None = None
    imposer: str | None = None
    target: str | None = None
    source: str | None = None
    trace: list[str] = field(default_factory=list)
    confidence: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, ...]:
        """The contract's uniqueness key within one document."""
        if self.type == "transfer":
            return ("transfer", self.supplier or "", self.recipient or "", self.item or "", self.status)
        return ("sanction", self.imposer or "", self.target or "", self.status)

    def event_id(self, doc_id: str) -> str:
        """A deterministic id, so re-running updates instead of duplicating."""
        raw = "\x1f".join((doc_id, *self.key))
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The contract's output shape plus offsets, rule, trace and confidence (fields read directly:
        ``dataclasses.asdict`` deep-copies every trace and was a fifth of a whole extract run)."""
        if self.type == "transfer":
            parties: dict[str, Any] = {"supplier": self.supplier, "recipient": self.recipient, "item": self.item}
        else:
            parties = {"imposer": self.imposer, "target": self.target}
        out: dict[str, Any] = {"type": self.type, **parties, "status": self.status}
        if self.type == "transfer":
            out["designation"] = self.designation
            out["quantity"] = self.quantity
        out.update(
            source=self.source,
            evidence=self.evidence,
            start=self.start,
            end=self.end,
            rule=self.rule,
            trace=list(self.trace),
            confidence=self.confidence,
        )
        return out


@dataclass(slots=True)
class DocumentResult:
    """What extraction returns for one document."""

    id: str
    lang: str | None
    events: list[Event]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "lang": self.lang, "events": [e.to_dict() for e in self.events]}

    def oversized_quantity(self) -> int | None:
        """The first quantity no 64-bit integer holds ("99999999999999999999999 drones"), or None.

        SQLite, PostgreSQL and Parquet store integers in 64 bits: ingest and batch refuse such a document
        with one message rather than fail on it later, far from its line."""
        big = [e.quantity for e in self.events if e.quantity is not None and not -(2**63) <= e.quantity < 2**63]
        return big[0] if big else None
