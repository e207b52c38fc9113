"""Merging events from many documents into records: what is known about one transfer.

A record gathers the events of one deal: transfers with the same supplier,
recipient, item category and designation *family* (:mod:`armsflow.designations`:
"Eurofighter", "Typhoon" and "EF-2000" are one family) form a group, which
:func:`deals` splits where the texts tell deals apart (different variants,
armed services or quantities); sanctions with the same imposer and target are
one record. Its fields are a pure
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
  publisher, else the document itself, named canonically (:func:`canonical_source`:
  "Kiews" and "Kiew" are one source, "Officials" and "officials" too);
  ``n_sources`` counts distinct canonical sources;
- *contradiction*: a transfer reported as happening (delivered, agreed,
  planned) and also denied or refused, e.g. ``delivered/denied``;
- *review*: events an analyst judged wrong (``review == "rejected"``) take no
  part in the record, and the record's ``review`` summary counts what was
  accepted, corrected, rejected and is still unjudged (:mod:`armsflow.review`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from armsflow.confidence import combine
from armsflow.designations import Canonical, canonical, services_named, variant_in_text
from armsflow.lexicons import form_tokens, lexicon, read_tsv
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
    """The key of the event's group: the designation as its family, so every spelling meets."""
    get = (lambda name: getattr(event, name)) if isinstance(event, Event) else event.get
    if get("type") == "transfer":
        named = get("designation")
        family = canonical(named).key if named else ""
        return ("transfer", get("supplier") or "", get("recipient") or "", get("item") or "", family)
    return ("sanction", get("imposer") or "", get("target") or "")


def record_id(key: tuple[str, ...], deal: str = "") -> str:
    """Deterministic, so the same transfer keeps its id across databases and re-runs.

    The first deal of a group (the earliest reported) has the group's own id; a later deal adds its label
    (variant, service and quantity that opened it), so a new deal arriving leaves the older ids alone.
    """
    parts = (*key, deal) if deal else key
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


group_id = record_id  # a group's id is its first deal's record id


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
    start: int = 0
    evidence: str = ""
    lang: str | None = None
    review: str | None = None  # accepted, corrected, rejected (armsflow.review), None when unjudged
    judgements: tuple[str, ...] = ()
    pin: str | None = None  # the record a judged merge or split assigned the event to (None: its deal decides)


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
    variant: str | None = None
    reported_as: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    group: str | None = None
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
            "variant": self.variant,
            "reported_as": json.dumps(self.reported_as, ensure_ascii=False),
            "sources": json.dumps(self.sources, ensure_ascii=False),
            "record_group": self.group,
        }


def derive(events: Iterable[EventRow], rid: str, pinned: bool = False) -> Record | None:
    """The record ``rid`` that the events assigned to it state, with their judgements applied.

    Events judged wrong leave the record and its counts; when every event is, there is no record
    (None). The ``review`` summary says how much of the record an analyst has judged. A ``pinned``
    record is one a judged merge or split formed: it shows the fields of an event whose own group
    has its id (the record merged into), else of the earliest event, and belongs to no group of keys.
    """
    rows = list(events)
    live = [r for r in rows if r.review != "rejected"]
    if not live:
        return None
    rec = merge(live, rid)
    if pinned:
        leads = [r for r in live if group_id(_key_of(r)) == rid] or live
        lead = min(leads, key=lambda r: (r.reported, r.event_id))
        for name in ("supplier", "recipient", "item", "imposer", "target"):
            setattr(rec, name, getattr(lead, name))
        if lead.designation:
            rec.designation = canonical(lead.designation).family
        rec.group = PINNED + rid
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


def merge(events: Iterable[EventRow], rid: str | None = None) -> Record:
    """The record that a non-empty set of events of one deal states (``rid``: its id, else the key's)."""
    rows = list(events)
    if not rows:
        raise ValueError("a record needs at least one event")
    rows.sort(key=_order)
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
    sources = _sources(rows)
    named = [(r.designation, variant_in_text(r.designation, r.evidence)) for r in rows if r.designation]
    variants = sorted({c.variant for _, c in named if c.variant})
    return Record(
        id=rid or record_id(key),
        type=first.type,
        status=latest.status,
        first_reported=min(r.reported for r in rows),
        last_reported=max(r.reported for r in rows),
        n_documents=len({r.document_id for r in rows}),
        n_sources=len(sources),
        sources=sorted(sources.values(), key=str.casefold),
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
        designation=named[0][1].family if named else None,
        variant=variants[0] if len(variants) == 1 else None,
        reported_as=sorted({" ".join(d.split()) for d, _ in named}),
        imposer=first.imposer,
        target=first.target,
        confidence=_confidence(rows),
        dispute=dispute,
        group=record_id(key),
    )


CORROBORATION = 2  # independent sources that make a claim outweigh the accused's denial


def _named(r: EventRow) -> str:
    """A source as the text named it (the dispute shows what each side's sources said)."""
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
    claim_sources = sorted({_named(r) for r in claims})
    denials = [r for r in negations if r.status == "denied"]
    by_accused = [r for r in denials if r.source is None or not source_actors(r.source) - parties]
    corroborated = len(_sources(claims)) >= CORROBORATION  # canonical sources: "Kiews" and "Kiew" are one
    strongest = min((r.status for r in claims), key=lambda s: _RANK[s])
    return {
        "claim": {"status": strongest, "sources": claim_sources, "documents": len({r.document_id for r in claims})},
        "denial": {
            "statuses": sorted({r.status for r in negations}),
            "sources": sorted({_named(r) for r in negations}),
            "by_accused": sorted({_named(r) for r in by_accused}),
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


def _order(r: EventRow) -> tuple[str, str, int, str]:
    """Events in the order they were reported: deals open and grow in this order, whatever the ingest order."""
    return (r.reported, r.document_id, r.start, r.event_id)


# ---------------------------------------------------------------------------------------------- deals


@dataclass(slots=True)
class _Deal:
    label: str
    variant: str | None
    service: str | None
    quantity: int | None  # the first quantity reported
    order: int | None  # the quantity an order, offer or request gave (None: only deliveries gave any)
    last: str
    rows: list[EventRow]


def _traits(r: EventRow) -> tuple[str | None, str | None, int | None]:
    """What the text says about the event's deal: variant, armed service, quantity."""
    found: Canonical = variant_in_text(r.designation, r.evidence) if r.designation else Canonical("")
    service = found.service
    if service is None:
        named = services_named(r.evidence)
        service = next(iter(named)) if len(named) == 1 else None
    return found.variant, service, r.quantity


NEW_ORDER_YEARS = 3  # an order this many calendar years after a deal's last report is a deal of its own
_COMMITMENTS = ("agreed", "planned", "considered", "requested")


def _years_between(earlier: str, later: str) -> int:
    """Calendar years between two reporting dates (ISO, or a bare year as some documents give)."""
    try:
        return int(later[:4]) - int(earlier[:4])
    except ValueError:
        return 0


def _quantity_fits(deal: _Deal, status: str, quantity: int | None) -> bool:
    if quantity is None or deal.quantity is None:
        return True
    if status == "delivered":  # a tranche of the flow, or a part of the order the deal is about
        return deal.order is None or quantity <= deal.order
    return quantity == (deal.order if deal.order is not None else deal.quantity)


def _fits(deal: _Deal, r: EventRow, variant: str | None, service: str | None, quantity: int | None) -> bool:
    """Whether the event may belong to the deal: nothing it says contradicts it."""
    return (
        not (variant and deal.variant and variant != deal.variant)
        and not (service and deal.service and service != deal.service)
        and _quantity_fits(deal, r.status, quantity)
        and not (r.status in _COMMITMENTS and _years_between(deal.last, r.reported) >= NEW_ORDER_YEARS)
    )


def deals(events: Iterable[EventRow]) -> list[tuple[str, list[EventRow]]]:
    """Split one group's events into deals, each with its label ("" for the first).

    In reporting order, each event joins the deal most recently reported that it does not contradict and
    opens a new deal otherwise. An event contradicts a deal when both name a variant and they differ, both
    name an armed service and they differ, or both give a quantity that cannot be the same deal's: an
    order, offer or request of another size than the deal's, or a delivery larger than the deal's order
    (deliveries of any size are tranches of one flow, "40 drones", later "a further 60"; a delivery
    smaller than the order is a part of it). An order, offer or request also contradicts a deal last
    reported ``NEW_ORDER_YEARS`` or more calendar years before it: orders years apart are new deals. An
    event that says none of these joins the most recent deal. Sanctions are never split.
    """
    rows = sorted(events, key=_order)
    if len(rows) < 2 or rows[0].type != "transfer":
        return [("", rows)]
    found: list[_Deal] = []
    for r in rows:
        variant, service, quantity = _traits(r)
        order = quantity if r.status in _COMMITMENTS else None
        fitting = [d for d in found if _fits(d, r, variant, service, quantity)]
        if fitting:
            deal = max(fitting, key=lambda d: d.last)  # the latest; among equals the first opened
            deal.variant, deal.service = deal.variant or variant, deal.service or service
            deal.quantity = deal.quantity if deal.quantity is not None else quantity
            deal.order = deal.order if deal.order is not None else order
            deal.last = r.reported
            deal.rows.append(r)
            continue
        label = "" if not found else "|".join((variant or "", service or "", "" if quantity is None else str(quantity)))
        if any(d.label == label for d in found):
            label += f"|{r.reported}"
        found.append(_Deal(label, variant, service, quantity, order, r.reported, [r]))
    return [(d.label, d.rows) for d in found]


PINNED = "review:"  # the group of the events a judged merge or split pinned to one record: PINNED + its id


def group_records(
    groups: Iterable[list[EventRow]], pinned: Iterable[EventRow] = ()
) -> list[tuple[str, bool, list[EventRow]]]:
    """Which events form which record: (record id, whether a judgement pinned it, its events).

    Each group (one key) splits into deals as :func:`deals` says, reckoned together with the group's
    events that a judged merge or split pinned to a record (so the group's other deals keep their ids).
    A deal's unpinned events form the deal's record — or join the pinned record that has the deal's id,
    so new evidence for a merged record joins it. Pinned events form their judged record whatever
    their deal. Rejected events do not shape the deals: each goes to the deal it would join.
    """
    members: dict[str, list[EventRow]] = {}
    anchors: dict[str, list[EventRow]] = {}
    for p in pinned:
        assert p.pin is not None
        members.setdefault(p.pin, []).append(p)
        if p.review != "rejected":
            anchors.setdefault(group_id(_key_of(p)), []).append(p)
    pins = set(members)
    for rows in groups:
        if not rows:
            continue
        key = _key_of(rows[0])
        for rid, deal in _deal_ids(key, [*rows, *anchors.get(group_id(key), [])]).items():
            own = [r for r in deal if r.pin is None]
            if own:
                members.setdefault(rid, []).extend(own)
    return [(rid, rid in pins, rows) for rid, rows in members.items()]


def _deal_ids(key: tuple[str, ...], rows: list[EventRow]) -> dict[str, list[EventRow]]:
    """The group's events by the id of their deal's record (rejected events: the deal they would join)."""
    live = [r for r in rows if r.review != "rejected"]
    out: dict[str, list[EventRow]] = {}
    if live:
        for label, members in deals(live):
            out[record_id(key, label)] = list(members)
    for r in rows:
        if r.review == "rejected":
            label = next(label for label, members in deals([*live, r]) if any(m is r for m in members))
            out.setdefault(record_id(key, label), []).append(r)
    return out


# -------------------------------------------------------------------------------------------- sources

_LEADING = {"the", "a", "an", "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "laut"}
_TRAILING = {"of", "the", "and", "von", "des", "der", "und", "zufolge", "said", "sagte"}
_POSSESSIVE = re.compile(r"['’]s?$")


@cache
def _actor_display() -> dict[str, str]:
    names: dict[str, str] = {}
    for row in read_tsv("actors.tsv"):
        if row["kind"] == "name" and row["lang"] in ("*", "en"):
            names.setdefault(row["id"], row["form"])
    return names


def _as_actor(words: list[str]) -> str | None:
    """The actor a whole source phrase names ("Kiews", "des Weißen Hauses", "UAE"), as its English name."""
    key = form_tokens(" ".join(words))
    for lang in ("de", "en"):
        entry = lexicon(lang).actors.get(key)
        if entry is not None:
            return _actor_display().get(entry.id, entry.id)
    return None


def _german_stem(word: str) -> str:
    """A German noun or adjective without its case ending, for comparing sources only (Instituts, Hauses)."""
    low = word.casefold()
    for ending in ("es", "en", "er", "em", "e", "s", "n"):
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return low


def _german_display(word: str) -> str:
    """A German noun without its genitive ending, for showing ("Geheimdienstes", "Instituts", "Hauses")."""
    if len(word) > 5 and word[:1].isupper() and not word.isupper():
        if word.endswith("es") and word[-3:-2].isalpha() and word[-3:-2] not in "aeiouäöüy":
            return word[:-2]
        if word.endswith("s") and not word.endswith("ers") and word[-2:-1].isalpha() and word[-2:-1] not in "sxze":
            return word[:-1]
    return word


@lru_cache(maxsize=100_000)
def canonical_source(name: str | None, lang: str | None = None) -> tuple[str, str] | None:
    """(key, display name) of a source: one per source however the text inflected or capitalised it.

    Articles and dangling function words go ("the UAE of" is the UAE); a phrase that names an actor the
    lexicon knows, in any case form ("Kiews", "des Weißen Hauses"), is that actor; otherwise the phrase is
    compared case-folded, each word without possessive or case ending ("Officials" = "officials",
    "Geheimdienstes" = "Geheimdienst"), and shown with German genitive endings removed.
    """
    if not name:
        return None
    words = [w.strip("\"'“”„«»()[],;:") for w in name.replace("\u00a0", " ").split()]
    words = [w for w in words if w]
    while words and words[0].casefold() in _LEADING:
        words = words[1:]
    while words and words[-1].casefold() in _TRAILING:
        words = words[:-1]
    if not words:
        return None
    bare = [_POSSESSIVE.sub("", w) or w for w in words]
    actor = _as_actor(words) or _as_actor(bare)
    if actor is not None:
        return "actor:" + actor.casefold(), actor
    display = " ".join(_german_display(w) for w in words) if lang == "de" else " ".join(words)
    return " ".join(_german_stem(w.rstrip(".")) for w in bare), display


def _sources(rows: list[EventRow]) -> dict[str, str]:
    """Distinct canonical sources of the events (key -> display name; the shortest spelling shows)."""
    out: dict[str, str] = {}
    for r in rows:
        found = canonical_source(r.source, r.lang) or canonical_source(r.publisher)
        key, display = found if found else (f"doc:{r.document_id}", f"document {r.document_id}")
        if key not in out or (len(display), display) < (len(out[key]), out[key]):
            out[key] = display
    return out


def _confidence(rows: list[EventRow]) -> float | None:
    """Independent documents confirm each other: the best event of each document, combined (noisy-or)."""
    best: dict[str, float] = {}
    for r in rows:
        if r.confidence is not None:
            best[r.document_id] = max(best.get(r.document_id, 0.0), r.confidence)
    return combine(best.values()) if best else None
