"""Names as the screening index and scorer see them: normalised, transliterated, cut into blocking keys.

A first, plain version so that list loading and the store can be built beside the matcher; the matching work
replaces the body of each function and keeps their signatures.
"""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"\w+")


def normalise(name: str) -> str:
    """Case-folded, accents removed, punctuation to spaces, one space between words."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_WORD.findall(plain))


def blocking_keys(name: str) -> set[str]:
    """Keys under which the store indexes a name; a query's keys fetch its candidates."""
    return {w for w in normalise(name).split() if len(w) > 1}


def query_key(name: str) -> str:
    """The key an analyst's decision on a hit is stored under: the same counterparty, however it is spelled
    in spacing and case, finds its decision again."""
    return normalise(name)
