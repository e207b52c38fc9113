"""Goods: HS6/CN8 codes against the control lists, and free-text descriptions to candidate codes.

The goods work fills this module; the screening service calls :func:`check` for ``--goods`` and ``--hs``.
"""

from __future__ import annotations

from typing import Any


def check(description: str | None = None, hs: str | None = None, lang: str | None = None, store: Any = None) -> Any:
    """Candidate codes for a description (or the given code), each with the list entries that control it and
    the reported transfers involving its category; the result has ``to_json()``."""
    raise NotImplementedError("goods screening arrives with the goods work package")
