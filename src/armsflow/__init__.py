"""armsflow: evidence-backed arms-transfer and sanction events from news text.

>>> import armsflow
>>> events = armsflow.extract("Der Iran hat Russland Drohnen geliefert.")
>>> kb = armsflow.open("kb.db")  # the knowledge base: see armsflow.kb  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

# First: decides whether the extraction core is imported compiled or from its sources.
from armsflow import native  # noqa: F401,I001
from armsflow.model import Document, DocumentResult, Event
from armsflow.pipeline import UnsupportedLanguage, extract, extract_document

if TYPE_CHECKING:
    from pathlib import Path

    from armsflow.kb import KnowledgeBase

__all__ = ["Document", "DocumentResult", "Event", "UnsupportedLanguage", "extract", "extract_document", "open"]


def open(location: str | Path | None = None) -> KnowledgeBase:  # noqa: A001 - armsflow.open(db) is the API
    """Open the knowledge base at a SQLite path or ``postgresql://`` URL (default: as the CLI's ``--db``).

    Imported on first use, so ``import armsflow`` for extraction alone stays quick.
    """
    from armsflow.kb import KnowledgeBase

    return KnowledgeBase(location)


__version__ = "0.1.0"
