"""armsflow: evidence-backed arms-transfer and sanction events from news text.

>>> import armsflow
>>> events = armsflow.extract("Der Iran hat Russland Drohnen geliefert.")
>>> kb = armsflow.open("kb.db")  # the knowledge base: see armsflow.kb  # doctest: +SKIP
"""

from __future__ import annotations

import gc as _gc
from typing import TYPE_CHECKING

# Importing the core loads the lexicons: hundreds of thousands of long-lived objects, none of them
# garbage. The cyclic collector, run every 700 allocations, would walk them again and again while
# they are built (a tenth of the command line's start-up); it is paused for the imports and resumed
# as it was. Nothing else about the collector changes (see armsflow.bulk for bulk runs).
_collecting = _gc.isenabled()
_gc.disable()
try:
    # First: decides whether the extraction core is imported compiled or from its sources.
    from armsflow import native  # noqa: F401,I001
    from armsflow.model import Document, DocumentResult, Event
    from armsflow.pipeline import UnsupportedLanguage, extract, extract_document
finally:
    if _collecting:
        _gc.enable()

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
