"""armsflow: evidence-backed arms-transfer and sanction events from news text.

>>> import armsflow
>>> events = armsflow.extract("Der Iran hat Russland Drohnen geliefert.")
"""

# First: decides whether the extraction core is imported compiled or from its sources.
from armsflow import native  # noqa: F401,I001
from armsflow.model import Document, DocumentResult, Event
from armsflow.pipeline import UnsupportedLanguage, extract, extract_document

__all__ = ["Document", "DocumentResult", "Event", "UnsupportedLanguage", "extract", "extract_document"]
__version__ = "0.1.0"
