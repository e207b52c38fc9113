"""Response models: what each endpoint answers, for the OpenAPI document (``/openapi.json``, ``/docs``).

Every model names the fields a client can rely on, typed; ``extra="allow"`` keeps fields a model
does not name (a record gains a column in a later schema) instead of dropping them, so the models
describe the answers without narrowing them. The routes answer with ``response_model_exclude_unset``:
a field absent from an answer (``imposer`` on a transfer record) stays absent rather than null.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Paged(_Open):
    """Every list answer: how many match, this page's bounds and the links to its neighbours (null at either end)."""

    total: int = Field(description="how many match, on every page")
    limit: int | None = None
    offset: int | None = None
    next: str | None = Field(None, description="URL of the next page, null on the last")
    previous: str | None = Field(None, description="URL of the previous page, null on the first")


class HistoryEntry(_Open):
    status: str
    first: str = Field(description="first day reported with this status")
    last: str = Field(description="last day reported with this status")
    documents: int


class RecordSummary(_Open):
    """A transfer or sanction record: events of several documents merged, the latest status current."""

    id: str
    type: str = Field(description="transfer or sanction")
    supplier: str | None = None
    recipient: str | None = None
    item: str | None = None
    designation: str | None = None
    variant: str | None = None
    imposer: str | None = None
    target: str | None = None
    status: str
    first_reported: str
    last_reported: str
    n_documents: int
    n_sources: int | None = None
    n_publishers: int | None = None
    contradiction: str | None = None
    quantities: list[int] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list)
    confidence: float | None = None
    review: dict[str, Any] | None = Field(None, description="judgement counts when any event was judged")
    dispute: dict[str, Any] | None = None
    reported_as: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class Evidence(_Open):
    """One event of a record with its sentence, where it stands in its document, and why it was extracted."""

    event_id: str
    status: str
    evidence: str
    start_char: int
    end_char: int
    rule: str = Field(description="the rule that decided the event")
    trace: list[str] = Field(default_factory=list, description="every rule that took part, in order")
    confidence: float | None = None
    review: str | None = Field(None, description="accepted, corrected or rejected; null: not judged")
    document_id: str
    reported: str | None = None


class RecordDetail(RecordSummary):
    evidence: list[Evidence]


class RecordPage(Paged):
    items: list[RecordSummary]


class Health(_Open):
    status: str
    version: str
    backend: str = Field(description="sqlite or postgresql")
    schema_: int = Field(alias="schema", description="schema version of the store")
    documents: int
    events: int
    records: int


class Event(_Open):
    """An extracted event (``/api/extract``, a document's events)."""

    type: str
    status: str
    supplier: str | None = None
    recipient: str | None = None
    imposer: str | None = None
    target: str | None = None
    item: str | None = None
    designation: str | None = None
    quantity: int | None = None
    source: str | None = None
    evidence: str
    rule: str
    trace: list[str] = Field(default_factory=list)
    confidence: float | None = None


class ExtractAnswer(_Open):
    lang: str
    events: list[Event]


class Rule(_Open):
    id: str
    lang: str
    stage: str
    description: str
    examples: int


class RulePage(Paged):
    items: list[Rule]


class IngestAnswer(_Open):
    read: int
    new: int
    duplicate: int
    skipped: int
    failed: int
    events: int
    problems: list[str]


class Node(_Open):
    id: str
    label: str
    supplies: int
    receives: int
    name_en: str | None = Field(None, description="readable name in English")
    name_de: str | None = Field(None, description="readable name in German")
    iso2: str | None = Field(None, description="ISO 3166 alpha-2 code of a state, lower case")


class Edge(_Open):
    id: str = Field(description="the record")
    source: str
    target: str
    item: str | None = None
    designation: str | None = None
    status: str
    n_documents: int
    confidence: float | None = None


class NetworkAnswer(Paged):
    nodes: list[Node]
    edges: list[Edge]
    shown: int


class PartnerRow(_Open):
    partner: str | None = None
    item: str | None = None
    designation: str | None = None
    status: str
    first_reported: str
    last_reported: str
    n_documents: int
    record_id: str


class ActorAnswer(_Open):
    id: str
    supplies: list[PartnerRow]
    receives: list[PartnerRow]
    imposes: list[PartnerRow]
    sanctioned_by: list[PartnerRow]
    name_en: str | None = None
    name_de: str | None = None


class DocumentSummary(_Open):
    id: str
    doc_key: str
    reported: str | None = None
    lang: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    n_events: int


class DocumentPage(Paged):
    items: list[DocumentSummary]


class DocumentEvent(Event):
    id: str
    record_id: str | None = None
    start_char: int
    end_char: int
    review: str | None = None


class DocumentDetail(_Open):
    id: str
    doc_key: str
    lang: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    text: str
    events: list[DocumentEvent]


class TimelineRow(_Open):
    month: str = Field(description="YYYY-MM")
    status: str
    records: int = Field(description="records with an event of this status reported this month")
    documents: int = Field(description="documents reporting such an event this month")


class MonthRow(_Open):
    month: str = Field(description="YYYY-MM")
    records: int = Field(description="records with an event reported this month, each once")
    documents: int = Field(description="documents reporting one of them this month, each once")


class TimelineAnswer(_Open):
    items: list[TimelineRow]
    months: list[MonthRow]


class Name(_Open):
    id: str
    name_en: str
    name_de: str
    iso2: str | None = Field(None, description="ISO 3166 alpha-2 code of a state, lower case")


class NameList(_Open):
    items: list[Name]


class Judgement(_Open):
    id: str
    action: str
    events: list[str]
    changes: dict[str, Any] = Field(default_factory=dict)
    records: list[str] | None = Field(None, description="the records the judged events form now")


class JudgementPage(Paged):
    items: list[Judgement]


class QueueItem(_Open):
    id: str
    type: str
    status: str
    need: float = Field(description="how much the record needs a human, highest first")
    why: str


class QueuePage(Paged):
    items: list[QueueItem]


class GoldExport(_Open):
    total: int
    gold: list[dict[str, Any]]
    documents: list[dict[str, Any]] | None = None
