"""One input document to one result, as ``armsflow extract`` gives it, large documents included.

A text longer than a large file's limit is cut into parts (``ingest.files.in_parts``) so that memory
stays bounded; the parts share one language and their events are merged into one result, with
offsets in the whole text. ``armsflow extract`` runs the parts through its worker pool one by one;
``armsflow batch`` runs a whole document in one task with :func:`extract_whole`. Both merge with
:class:`Parts`, so the two commands give the same events for the same document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from armsflow.ingest.files import DocumentPart, in_parts
from armsflow.model import Document, DocumentResult, Event
from armsflow.pipeline import UnsupportedLanguage, extract_document
from armsflow.text.lang import detect_language


@dataclass(slots=True)
class Parts:
    """A large document's parts, merged as their results arrive (in order)."""

    doc_id: str
    events: list[Event] = field(default_factory=list)
    keys: set[tuple[str, ...]] = field(default_factory=set)
    lang: str | None = None
    done: int = 0
    skipped: int = 0
    failed: int = 0
    skip_reason: str = ""

    def add(self, result: DocumentResult, offset: int) -> None:
        self.done += 1
        self.lang = self.lang or result.lang
        for event in result.events:
            if event.key not in self.keys:  # the contract's key is unique per document: keep the first
                event.start += offset
                event.end += offset
                self.events.append(event)
                self.keys.add(event.key)


class PartFailed(RuntimeError):
    """A part of a large document could not be extracted: the document counts as failed."""


def extract_whole(doc: Document, lang: str | None = None) -> DocumentResult:
    """The events of ``doc`` (``lang`` forces the language), cut into parts when it is large.

    Raises :class:`UnsupportedLanguage` when no part is in a language armsflow reads, and
    :class:`PartFailed` (naming the characters) when extracting a part failed.
    """
    pieces = list(in_parts(doc))
    if len(pieces) == 1 and isinstance(pieces[0], Document):
        if lang:
            doc.lang = lang
        return extract_document(doc)
    merged: Parts | None = None
    part_lang = lang
    for piece in pieces:
        assert isinstance(piece, DocumentPart)
        if part_lang is None:  # a document's own "lang" holds for all its parts, else the first part's
            part_lang = piece.doc.lang or detect_language(piece.doc.text)
        piece.doc.lang = part_lang
        merged = merged or Parts(doc.id)
        try:
            merged.add(extract_document(piece.doc), piece.offset)
        except UnsupportedLanguage as err:
            merged.skipped += 1
            merged.skip_reason = str(err)
        except Exception as err:  # noqa: BLE001 - reported for the whole document, like extract does
            where = f"characters {piece.offset}-{piece.offset + len(piece.doc.text)}"
            raise PartFailed(f"{where}: extraction failed: {type(err).__name__}: {err}") from err
    assert merged is not None
    if merged.done == 0:
        raise UnsupportedLanguage(merged.skip_reason)
    return DocumentResult(doc.id, merged.lang, merged.events)
