"""Ingest: read sources, extract their events, store documents and records.

The one place where the reading stage (``ingest``), the extraction pipeline
and the store meet, shared by the CLI and the HTTP API. An article already
stored (same normalised text) is recognised *before* extraction, so
re-ingesting a folder costs a hash per file. Extracted documents are stored
in batches, each in one transaction (:class:`Batcher`): a commit and a record
refresh per batch rather than per document is what lets the store keep up
with extraction. A batch is written when it holds ``BATCH_DOCUMENTS``
documents, when its first document has waited ``BATCH_SECONDS``, and at the
end of the run (also when it is interrupted), so a slow source still appears
in the database within seconds. Stopping a run (Ctrl-C, a kill) loses at most
the batch being written, never part of a document, and running the same
ingest again completes the rest.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from armsflow.dates import DATE_FORMS, is_real_date
from armsflow.ingest.files import DocumentPart, ReadProblem, folder_files, in_parts, iter_inputs
from armsflow.ingest.sources import BATCH_DOCUMENTS
from armsflow.ingest.web import FEED_SUFFIXES, HTML_SUFFIXES, MAX_BYTES, TIMEOUT, is_web_source, read_web_source
from armsflow.model import Document, DocumentResult, Event
from armsflow.pipeline import UnsupportedLanguage, extract_document
from armsflow.store import Store, content_hash
from armsflow.text.lang import detect_language

FOLDER_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".jsonl"} | HTML_SUFFIXES | FEED_SUFFIXES
BATCH_SECONDS = 5.0  # longest an extracted document waits for its batch
LOOK_AHEAD = 50  # documents read ahead, to ask the database which are stored in one query


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    new: int = 0
    duplicate: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    reasons: Counter = field(default_factory=Counter)  # why documents were skipped or failed

    def line(self) -> str:
        why = "; ".join(f"{n} {r}" for r, n in self.reasons.most_common())
        return (
            f"{self.read} read, {self.new} new, {self.duplicate} duplicate, {self.skipped} skipped, "
            f"{self.failed} failed, {self.events} events found" + (f" ({why})" if why else "")
        )


def iter_sources(
    specs: Iterable[str], timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES
) -> Iterator[Document | DocumentPart | ReadProblem]:
    """Documents from paths, folders (recursively) and URLs, in the order given."""
    for spec in specs:
        path = Path(spec)
        if not is_web_source(spec) and path.is_dir():
            found = list(folder_files(path, FOLDER_SUFFIXES))
            if not found:
                yield ReadProblem(spec, "folder holds no files armsflow reads", skipped=True)
            for file in found:
                yield from _one(str(file), timeout, max_bytes) if isinstance(file, Path) else [file]
        else:
            yield from _one(spec, timeout, max_bytes)


def _one(spec: str, timeout: float, max_bytes: int) -> Iterator[Document | DocumentPart | ReadProblem]:
    if is_web_source(spec):
        for thing in read_web_source(spec, timeout, max_bytes):
            yield from in_parts(thing)  # a huge page or feed entry is cut like a huge file
    else:
        yield from iter_inputs([spec])


class BudgetExceeded(RuntimeError):
    """Extraction ran past the time its caller allowed: the run stops; documents stored before stay."""


Extractor = Callable[[Document], DocumentResult]


class Batcher:
    """Extracted documents waiting to be stored together in one transaction.

    It also answers "is this text already stored or waiting?", so a text that comes twice in one batch
    is extracted once and counted as a duplicate, as it would be across batches.
    """

    def __init__(self, store: Store, summary: IngestSummary, size: int = BATCH_DOCUMENTS,
                 seconds: float = BATCH_SECONDS) -> None:  # fmt: skip
        self.store, self.summary, self.size, self.seconds = store, summary, size, seconds
        self.pending: list[tuple[Document, list[Event], str | None]] = []
        self.hashes: set[str] = set()
        self.order: list[str] = []  # the pending documents' hashes, computed once
        self.since = 0.0
        self.hash_of: dict[str, str] = {}  # text → content hash, for the documents looked ahead at
        self.looked: set[str] = set()  # their hashes
        self.stored: set[str] = set()  # of those, the hashes in the database (or stored by this run since)

    def look_ahead(self, things: list[Document | DocumentPart | ReadProblem]) -> None:
        """Ask the database about the next documents in one query instead of one query each."""
        texts = [
            t.doc.text if isinstance(t, DocumentPart) else t.text for t in things if not isinstance(t, ReadProblem)
        ]
        self.hash_of = {text: content_hash(text) for text in texts}
        self.looked = set(self.hash_of.values())
        self.stored = self.store.existing_documents(list(self.looked)) if texts else set()

    def content_hash(self, text: str) -> str:
        found = self.hash_of.get(text)
        return found if found is not None else content_hash(text)

    def known(self, doc_hash: str) -> bool:
        """Stored already, or waiting in this batch. (Another process may store the same text meanwhile:
        :meth:`Store.add_documents` checks again under the write lock.)"""
        if doc_hash in self.hashes or doc_hash in self.stored:
            return True
        if doc_hash in self.looked:
            return False  # looked ahead at, and not stored then (nor stored by this run since: see flush)
        return self.store.has_document(doc_hash)

    def add(self, doc: Document, doc_hash: str, result: DocumentResult) -> None:
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append((doc, result.events, result.lang))
        self.hashes.add(doc_hash)
        self.order.append(doc_hash)

    def due(self) -> bool:
        return len(self.pending) >= self.size or (bool(self.pending) and time.monotonic() - self.since >= self.seconds)

    def flush(self) -> None:
        """Store what waits; count what was new and what another process had stored meanwhile."""
        if not self.pending:
            return
        batch, hashes = self.pending, self.order
        self.pending, self.hashes, self.order = [], set(), []
        self.stored.update(hashes)  # a text looked ahead at may come again after its first copy is stored
        for (_, events, _), stored in zip(batch, self.store.add_documents(batch, hashes), strict=True):
            if stored:
                self.summary.new += 1
                self.summary.events += len(events)
            else:
                self.summary.duplicate += 1


def ingest(
    store: Store,
    sources: Iterable[Document | DocumentPart | ReadProblem],
    lang: str | None = None,
    report: Callable[[str], None] | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
    extractor: Extractor = extract_document,
    batch_size: int = BATCH_DOCUMENTS,
) -> IngestSummary:
    """Store every source document with its events; problems go to ``report`` and the summary.

    ``extractor`` does the extraction (the server runs it in a worker process with a time budget;
    :class:`BudgetExceeded` from it stops the run instead of counting as one failed document).
    Documents are stored in batches of up to ``batch_size``; the documents extracted before a stop
    (an interruption, an exceeded budget) are stored before the stop goes on.
    """
    summary = IngestSummary()
    say = report or (lambda message: print(message, file=sys.stderr))
    batcher = Batcher(store, summary, size=batch_size)
    try:
        for thing in _looked_ahead(sources, batcher):
            if isinstance(thing, ReadProblem):
                _problem(summary, say, thing.where, thing.message, thing.skipped)
            else:
                doc = thing.doc if isinstance(thing, DocumentPart) else thing
                if isinstance(thing, DocumentPart):
                    # a large text is stored part by part, each a document of its own
                    doc = replace(doc, id=f"{doc.id} (characters {thing.offset}-{thing.offset + len(doc.text)})")
                _ingest_one(batcher, doc, lang, summary, say, extractor)
            if batcher.due():
                batcher.flush()
            if progress:
                progress(summary)
    except BaseException:
        try:
            batcher.flush()  # what was extracted completely is kept; the stop itself is what gets reported
        except Exception:  # noqa: BLE001 - the store failing now must not hide why the run stopped
            pass
        raise
    batcher.flush()
    if progress:
        progress(summary)
    return summary


def ingest_batch(
    store: Store,
    spec: str,
    summary: IngestSummary | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
    chunk: int = 1000,
) -> IngestSummary:
    """Store the documents of an ``armsflow batch`` output with their events, without extracting again.

    The bulk path: ``chunk`` documents per transaction (``COPY`` on PostgreSQL), the records they
    touch merged in the same transaction, documents already stored counted as duplicates; so an
    interrupted load loses at most one chunk, and running it again completes it.
    """
    from armsflow.batch import read_documents

    summary = summary or IngestSummary()
    for items in read_documents(spec, chunk):
        stored = store.add_documents(items)
        summary.read += len(items)
        summary.new += sum(stored)
        summary.duplicate += len(items) - sum(stored)
        summary.events += sum(len(events) for (_doc, events, _lang), new in zip(items, stored, strict=True) if new)
        if progress:
            progress(summary)
    return summary


def _looked_ahead(
    sources: Iterable[Document | DocumentPart | ReadProblem], batcher: Batcher
) -> Iterator[Document | DocumentPart | ReadProblem]:
    """The sources in order, read LOOK_AHEAD at a time so that one query tells which are stored."""
    chunk: list[Document | DocumentPart | ReadProblem] = []
    for thing in sources:
        chunk.append(thing)
        if len(chunk) >= LOOK_AHEAD:
            batcher.look_ahead(chunk)
            yield from chunk
            chunk = []
    batcher.look_ahead(chunk)
    yield from chunk


def _ingest_one(
    batcher: Batcher, doc: Document, lang: str | None, summary: IngestSummary, say, extractor: Extractor
) -> None:
    summary.read += 1
    if doc.date is not None and not is_real_date(doc.date, with_time=True):
        # readers check this already; library callers may not, and a stored 2024-13-45 breaks every timeline
        _problem(summary, say, doc.id, f"bad date {doc.date!r}: {DATE_FORMS} (optionally with a time)", False)
        return
    doc_hash = batcher.content_hash(doc.text)
    if batcher.known(doc_hash):
        summary.duplicate += 1
        return
    doc.lang = lang or doc.lang or detect_language(doc.text)
    try:
        result = extractor(doc)
    except BudgetExceeded:
        raise
    except UnsupportedLanguage as err:
        _problem(summary, say, doc.id, str(err), skipped=True)
        return
    except Exception as err:  # noqa: BLE001 - one bad document must not stop the run
        _problem(summary, say, doc.id, f"extraction failed: {type(err).__name__}: {err}", False)
        return
    huge = result.oversized_quantity()
    if huge is not None:  # one absurd number must not stop the whole run
        _problem(summary, say, doc.id, f"a quantity of {huge} is too large to store (more than 64 bits)", False)
        return
    batcher.add(doc, doc_hash, result)


def _problem(summary: IngestSummary, say, where: str, message: str, skipped: bool) -> None:
    """Report one problem; "read" counts documents that were read, whatever became of them."""
    label = "warning" if skipped else "error"
    say(f"armsflow: {label}: {where}: {message}")
    if skipped:
        summary.skipped += 1
    else:
        summary.failed += 1
    summary.reasons[reason_of(message)] += 1


def reason_of(message: str) -> str:
    """A short name for what is wrong, to count problems by (the summary line, batch rejects)."""
    low = message.lower()
    for needle, reason in (
        ("surrogate", "not valid Unicode"),
        ("bad date", "bad date"),
        ("cannot read the folder", "unreadable folder"),
        ("language", "unsupported language"),
        ("empty", "empty"),
        ("binary", "binary file"),
        ("json", "bad JSONL line"),
        ("text", "no text"),
        ("http error", "HTTP error"),
        ("timed out", "timeout"),
        ("unreachable", "unreachable"),
        ("too large", "too large"),
        ("neither html", "not HTML or a feed"),
        ("feed", "bad feed"),
    ):
        if needle in low:
            return reason
    return "other"
