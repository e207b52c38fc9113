"""Ingest: read sources, extract their events, store documents and records.

The one place where the reading stage (``ingest``), the extraction pipeline
and the store meet, shared by the CLI and the HTTP API. An article already
stored (same normalised text) is recognised *before* extraction, so
re-ingesting a folder costs a hash per file. Each document is stored in its
own transaction: stopping a run (Ctrl-C, a kill) loses at most the document
being written, and running the same ingest again completes the rest.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from armsflow.dates import DATE_FORMS, is_real_date
from armsflow.ingest.files import DocumentPart, ReadProblem, folder_files, in_parts, iter_inputs
from armsflow.ingest.web import FEED_SUFFIXES, HTML_SUFFIXES, MAX_BYTES, TIMEOUT, is_web_source, read_web_source
from armsflow.model import Document, DocumentResult
from armsflow.pipeline import UnsupportedLanguage, extract_document
from armsflow.store import Store, content_hash
from armsflow.text.lang import detect_language

FOLDER_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".jsonl"} | HTML_SUFFIXES | FEED_SUFFIXES


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


def ingest(
    store: Store,
    sources: Iterable[Document | DocumentPart | ReadProblem],
    lang: str | None = None,
    report: Callable[[str], None] | None = None,
    progress: Callable[[IngestSummary], None] | None = None,
    extractor: Extractor = extract_document,
) -> IngestSummary:
    """Store every source document with its events; problems go to ``report`` and the summary.

    ``extractor`` does the extraction (the server runs it in a worker process with a time budget;
    :class:`BudgetExceeded` from it stops the run instead of counting as one failed document).
    """
    summary = IngestSummary()
    say = report or (lambda message: print(message, file=sys.stderr))
    for thing in sources:
        if isinstance(thing, ReadProblem):
            _problem(summary, say, thing.where, thing.message, thing.skipped)
        else:
            doc = thing.doc if isinstance(thing, DocumentPart) else thing
            if isinstance(thing, DocumentPart):
                # a large text is stored part by part, each a document of its own
                doc = replace(doc, id=f"{doc.id} (characters {thing.offset}-{thing.offset + len(doc.text)})")
            _ingest_one(store, doc, lang, summary, say, extractor)
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
        docs, events = store.add_documents(items)
        summary.read += len(items)
        summary.new += docs
        summary.duplicate += len(items) - docs
        summary.events += events
        if progress:
            progress(summary)
    return summary


def _ingest_one(
    store: Store, doc: Document, lang: str | None, summary: IngestSummary, say, extractor: Extractor
) -> None:
    summary.read += 1
    if doc.date is not None and not is_real_date(doc.date, with_time=True):
        # readers check this already; library callers may not, and a stored 2024-13-45 breaks every timeline
        _problem(summary, say, doc.id, f"bad date {doc.date!r}: {DATE_FORMS} (optionally with a time)", False)
        return
    if store.has_document(content_hash(doc.text)):
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
    if store.add_document(doc, result.events, result.lang):
        summary.new += 1
        summary.events += len(result.events)
    else:
        summary.duplicate += 1  # another process stored it meanwhile


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
