"""The knowledge base as a Python API: ``armsflow.open(db)`` → records, actors and documents.

The same reads as the ``armsflow`` commands (``transfers``, ``sanctions``, ``record``, ``actor``,
``docs``, ``export``), through the same query layer, so a filter means the same everywhere and a
bad value raises :class:`armsflow.query.QueryError` naming it. Results are dataclasses with typed
fields; ``to_dict()`` gives the plain dict (JSON-ready) when a program wants that instead. Columns
the schema gains later arrive in ``extra`` rather than breaking old callers.

    >>> import armsflow
    >>> with armsflow.open("kb.db") as kb:                      # doctest: +SKIP
    ...     kb.ingest("articles/")
    ...     for r in kb.transfers(supplier="Iran", status="delivered"):
    ...         print(r.supplier_name, "→", r.recipient_name, r.designation, r.n_documents)
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO, TypeVar

from armsflow.export.names import display_name
from armsflow.query import RecordFilter

T = TypeVar("T")


def _build(cls: type[T], row: dict[str, Any], **more: Any) -> T:
    """A dataclass from a row: known columns as fields, the rest in ``extra``."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    known = {k: v for k, v in row.items() if k in names}
    extra = {k: v for k, v in row.items() if k not in names}
    if "extra" in names:
        known["extra"] = extra
    return cls(**known, **more)


class _Dict:
    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)  # type: ignore[call-overload]


@dataclass(slots=True)
class Evidence(_Dict):
    """One event behind a record: the sentence, where it is, what it says and who said it."""

    event_id: str
    status: str
    evidence: str
    start_char: int
    end_char: int
    document_id: str
    reported: str
    quantity: int | None = None
    source: str | None = None
    rule: str | None = None
    trace: list[str] = field(default_factory=list)
    confidence: float | None = None
    review: str | None = None  # accepted or corrected by a reviewer (armsflow.review), None when unjudged
    doc_key: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Record(_Dict):
    """What is known about one transfer or sanction across every document read (see README, Knowledge base)."""

    id: str
    type: str
    status: str
    first_reported: str
    last_reported: str
    n_documents: int
    n_sources: int
    n_publishers: int
    supplier: str | None = None
    recipient: str | None = None
    item: str | None = None
    designation: str | None = None  # the family (Leopard 2); the texts' own names are in reported_as
    variant: str | None = None  # the deal's variant (Leopard 2A6), when one is named
    reported_as: list[str] = field(default_factory=list)
    imposer: str | None = None
    target: str | None = None
    contradiction: str | None = None
    quantities: list[int] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)
    confidence: float | None = None
    sources: list[str] = field(default_factory=list)  # the canonical sources n_sources counts
    review: dict[str, Any] | None = None  # how much of the record a reviewer judged (armsflow.review)
    dispute: dict[str, Any] | None = None  # both sides of a contradiction and the decision
    evidence: list[Evidence] = field(default_factory=list)  # filled by KnowledgeBase.record
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The record as a plain dict, with each actor's English name beside its id (``supplier_name``, …)."""
        out = dataclasses.asdict(self)
        for side in ("supplier", "recipient", "imposer", "target"):
            if out[side]:
                out[f"{side}_name"] = display_name(out[side])
        return out

    @property
    def supplier_name(self) -> str | None:
        return display_name(self.supplier) if self.supplier else None

    @property
    def recipient_name(self) -> str | None:
        return display_name(self.recipient) if self.recipient else None

    @property
    def imposer_name(self) -> str | None:
        return display_name(self.imposer) if self.imposer else None

    @property
    def target_name(self) -> str | None:
        return display_name(self.target) if self.target else None


@dataclass(slots=True)
class Relation(_Dict):
    """One line of an actor's profile: a partner, what passes between them, and the record."""

    partner: str | None
    status: str
    first_reported: str
    last_reported: str
    n_documents: int
    record_id: str
    item: str | None = None
    designation: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def partner_name(self) -> str | None:
        return display_name(self.partner) if self.partner else None


@dataclass(slots=True)
class Actor(_Dict):
    """An actor with its names and what it supplies, receives, imposes and faces."""

    id: str
    name: str
    name_de: str
    supplies: list[Relation]
    receives: list[Relation]
    imposes: list[Relation]
    sanctioned_by: list[Relation]


@dataclass(slots=True)
class StoredDocument(_Dict):
    """A stored article; ``text`` and ``events`` are filled by KnowledgeBase.document."""

    id: str
    doc_key: str
    lang: str | None = None
    title: str | None = None
    date: str | None = None
    reported: str | None = None
    url: str | None = None
    publisher: str | None = None
    n_events: int = 0
    text: str | None = None
    events: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


class KnowledgeBase:
    """An open knowledge base (a SQLite path or a ``postgresql://`` URL). Close it, or use ``with``."""

    def __init__(self, location: str | Path | None = None) -> None:
        from armsflow.store import Store

        self.store = Store(str(location) if location is not None else None)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -------------------------------------------------------------- writing

    def ingest(self, *sources: str | Path, lang: str | None = None) -> Any:
        """Read files, folders, JSONL, HTML pages, feeds or URLs into the knowledge base, as ``armsflow
        ingest`` does; returns the run's summary (``new``, ``duplicate``, ``failed``, ``events``…)."""
        from armsflow.bulk import collector_tuned
        from armsflow.load import ingest, iter_sources

        with collector_tuned():
            return ingest(self.store, iter_sources([str(s) for s in sources]), lang=lang, report=lambda m: None)

    def add(self, text: str, *, id: str | None = None, date: str | None = None, lang: str | None = None,
            title: str | None = None, url: str | None = None, publisher: str | None = None) -> bool:  # fmt: skip
        """Extract and store one text; False when the same text is stored already."""
        from armsflow.model import Document
        from armsflow.pipeline import extract_document
        from armsflow.store import content_hash

        doc = Document(id=id or content_hash(text), text=text, lang=lang, date=date, title=title, url=url,
                       publisher=publisher)  # fmt: skip
        if self.store.has_document(content_hash(text)):
            return False
        result = extract_document(doc)
        return self.store.add_document(doc, result.events, result.lang)

    # -------------------------------------------------------------- reading

    def transfers(self, **filters: Any) -> list[Record]:
        """Transfer records, most recently reported first. Filters as ``armsflow transfers``: ``supplier``,
        ``recipient``, ``actor`` (ids or names in English or German), ``item`` (category or designation),
        ``status``, ``since``, ``until``, ``min_confidence``, ``limit`` (default 100), ``offset``."""
        return self._records("transfer", filters)

    def sanctions(self, **filters: Any) -> list[Record]:
        """Sanction records; filters ``imposer``, ``target``, ``actor``, ``status``, ``since``, ``until``, …"""
        return self._records("sanction", filters)

    def _records(self, kind: str, filters: dict[str, Any]) -> list[Record]:
        from armsflow.query import records

        unknown = set(filters) - set(RecordFilter.__slots__) - {"type"}
        if unknown:
            raise TypeError(f"unknown filter {', '.join(sorted(unknown))}: use {', '.join(RecordFilter.__slots__)}")
        return [_build(Record, row) for row in records(self.store, RecordFilter(type=kind, **filters))]

    def record(self, record_id: str) -> Record | None:
        """One record with its evidence, oldest report first; None when there is no such record."""
        from armsflow.query import record

        row = record(self.store, record_id)
        if row is None:
            return None
        evidence = [_build(Evidence, e) for e in row.pop("evidence")]
        return _build(Record, row, evidence=evidence)

    def actor(self, name: str) -> Actor:
        """What an actor (id or name, English or German) supplies, receives, imposes and faces."""
        from armsflow.query import actor

        found = actor(self.store, name)
        aid = found["id"]
        sides = ("supplies", "receives", "imposes", "sanctioned_by")
        rows = {k: [_build(Relation, r) for r in found[k]] for k in sides}
        return Actor(id=aid, name=display_name(aid), name_de=display_name(aid, "de"), **rows)

    def documents(self, search: str | None = None, since: str | None = None, until: str | None = None,
                  limit: int = 100, offset: int = 0) -> list[StoredDocument]:  # fmt: skip
        """Stored documents, most recently reported first (``search`` in title or text)."""
        from armsflow.query import documents

        return [_build(StoredDocument, row) for row in documents(self.store, search, since, until, limit, offset)]

    def document(self, doc_id: str) -> StoredDocument | None:
        """A document (its content hash or the id it came with) with its text and events."""
        from armsflow.query import document

        row = document(self.store, doc_id)
        return None if row is None else _build(StoredDocument, row)

    def counts(self) -> dict[str, int]:
        """How many documents, events and records the knowledge base holds."""
        return self.store.counts()

    # -------------------------------------------------------------- exporting

    def export(self, fmt: str, out: TextIO, **filters: Any) -> int:
        """Write ``csv``, ``json`` (lines), ``graphml``, ``ftm`` or ``plover`` to ``out``; filters as ``armsflow
        export``: ``type``, ``actor``, ``item``, ``status``, ``since``, ``until``, ``min_confidence``."""
        from armsflow.export import Selection, export

        return export(self.store, fmt, out, selection=Selection(**filters))

    def iter_records(self, **filters: Any) -> Iterator[Record]:
        """Every selected record (transfers, then sanctions) with its evidence, read page by page."""
        from armsflow.export import Selection, iter_records

        for row in iter_records(self.store, Selection(**filters)):
            evidence = [_build(Evidence, e) for e in row.pop("evidence")]
            yield _build(Record, row, evidence=evidence)
